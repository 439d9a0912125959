import type { ExecApprovalView } from "@openclaw-cloud/contracts/threads";
import { z } from "zod";

/*
 * Our own small result types, and the zod schemas that check the gateway's replies
 * before mapping them. The schemas name only the fields we use: unknown fields the
 * gateway adds in later releases are dropped, missing required ones fail loudly.
 */

const text = z.string().min(1);
const textList = z.array(z.string()).optional();

const pendingDeviceSchema = z.object({
  requestId: text,
  deviceId: text,
  displayName: text.optional(),
  platform: text.optional(),
  deviceFamily: text.optional(),
  clientId: text.optional(),
  clientMode: text.optional(),
  role: text.optional(),
  roles: textList,
  scopes: textList,
  remoteIp: text.optional(),
  isRepair: z.boolean().optional(),
  ts: z.number(),
});

const pairedDeviceSchema = z.object({
  deviceId: text,
  displayName: text.optional(),
  operatorLabel: text.optional(),
  platform: text.optional(),
  deviceFamily: text.optional(),
  clientId: text.optional(),
  clientMode: text.optional(),
  role: text.optional(),
  roles: textList,
  scopes: textList,
  remoteIp: text.optional(),
  createdAtMs: z.number().optional(),
  approvedAtMs: z.number().optional(),
  connected: z.boolean().optional(),
});

export const devicePairListReply = z.object({
  pending: z.array(pendingDeviceSchema),
  paired: z.array(pairedDeviceSchema),
});

export const devicePairApproveReply = z.object({ requestId: text, device: pairedDeviceSchema });

export const devicePairRejectReply = z.object({ requestId: text, deviceId: text });

/** What pending and paired devices both say about themselves. */
type DeviceDescription = {
  deviceId: string;
  displayName?: string;
  platform?: string;
  deviceFamily?: string;
  clientId?: string;
  clientMode?: string;
  /** Roles asked for (pending) or granted (paired): `node`, `operator`. */
  roles: string[];
  scopes: string[];
  remoteIp?: string;
};

export type PendingDevice = DeviceDescription & {
  requestId: string;
  /** True when an already-paired device asks for a wider role or scope set. */
  isRepair: boolean;
  /** Epoch milliseconds. */
  requestedAt: number;
};

/** `displayName` is the operator's label when set, else what the device calls itself. */
export type PairedDevice = DeviceDescription & {
  /** Epoch milliseconds. */
  approvedAt?: number;
  connected: boolean;
};

export type DevicePairingList = { pending: PendingDevice[]; paired: PairedDevice[] };

function rolesOf(device: { role?: string; roles?: string[] }): string[] {
  return device.roles ?? (device.role ? [device.role] : []);
}

function toPendingDevice(request: z.infer<typeof pendingDeviceSchema>): PendingDevice {
  return {
    requestId: request.requestId,
    ...describeDevice(request, request.displayName),
    isRepair: request.isRepair ?? false,
    requestedAt: request.ts,
  };
}

type RawDevice = {
  deviceId: string;
  platform?: string;
  deviceFamily?: string;
  clientId?: string;
  clientMode?: string;
  role?: string;
  roles?: string[];
  scopes?: string[];
  remoteIp?: string;
};

function describeDevice(device: RawDevice, displayName: string | undefined): DeviceDescription {
  return {
    deviceId: device.deviceId,
    ...optional("displayName", displayName),
    ...optional("platform", device.platform),
    ...optional("deviceFamily", device.deviceFamily),
    ...optional("clientId", device.clientId),
    ...optional("clientMode", device.clientMode),
    roles: rolesOf(device),
    scopes: device.scopes ?? [],
    ...optional("remoteIp", device.remoteIp),
  };
}

export function toPairedDevice(device: z.infer<typeof pairedDeviceSchema>): PairedDevice {
  return {
    ...describeDevice(device, device.operatorLabel ?? device.displayName),
    ...optional("approvedAt", device.approvedAtMs),
    connected: device.connected ?? false,
  };
}

export function toDevicePairingList(reply: z.infer<typeof devicePairListReply>): DevicePairingList {
  return { pending: reply.pending.map(toPendingDevice), paired: reply.paired.map(toPairedDevice) };
}

/* DM pairing: who may message the bot on a chat channel (Telegram, WhatsApp, ...). */

export const dmPairingListReply = z.object({
  accounts: z.array(z.object({ channel: text, channelLabel: text.optional(), accountId: text, accountLabel: text.optional() })),
  requests: z.array(
    z.object({
      requestId: text,
      channel: text,
      accountId: text,
      senderId: text,
      senderLabel: text.optional(),
      metadata: z.record(z.string(), z.string()).optional(),
      createdAt: text,
      expiresAt: text,
    }),
  ),
});

export const dmPairingApproveReply = z.object({
  requestId: text,
  senderId: text,
  notification: z.enum(["not-requested", "sent", "unsupported", "failed"]),
});

export type DmPairingAccount = { channel: string; accountId: string; label?: string };

export type DmPairingRequest = {
  /** Opaque id to approve with; the gateway does not reveal the code the sender got. */
  requestId: string;
  channel: string;
  accountId: string;
  senderId: string;
  /** What the channel calls a sender id, e.g. "Telegram user id". */
  senderLabel?: string;
  metadata: Record<string, string>;
  /** ISO timestamps. */
  createdAt: string;
  expiresAt: string;
};

export type DmPairingList = { accounts: DmPairingAccount[]; requests: DmPairingRequest[] };

export type DmPairingApproval = { requestId: string; senderId: string; notification: "not-requested" | "sent" | "unsupported" | "failed" };

export function toDmPairingList(reply: z.infer<typeof dmPairingListReply>): DmPairingList {
  return {
    accounts: reply.accounts.map((account) => ({
      channel: account.channel,
      accountId: account.accountId,
      ...optional("label", account.accountLabel ?? account.channelLabel),
    })),
    requests: reply.requests.map((request) => ({
      requestId: request.requestId,
      channel: request.channel,
      accountId: request.accountId,
      senderId: request.senderId,
      ...optional("senderLabel", request.senderLabel),
      metadata: request.metadata ?? {},
      createdAt: request.createdAt,
      expiresAt: request.expiresAt,
    })),
  };
}

/* Setup codes: a short-lived bootstrap credential a device presents instead of pairing. */

export const setupCodeReply = z.object({
  setupCode: text,
  setupId: text.optional(),
  gatewayUrl: text,
  access: z.enum(["full", "limited", "node"]).optional(),
  expiresAtMs: z.number().optional(),
});

export type SetupCode = {
  /** base64 JSON `{ url, bootstrapToken, expiresAtMs }`, for `openclaw node run --pair <code>` or the mobile apps. */
  setupCode: string;
  setupId?: string;
  gatewayUrl: string;
  access?: "full" | "limited" | "node";
  /** Epoch milliseconds. */
  expiresAt?: number;
};

export function toSetupCode(reply: z.infer<typeof setupCodeReply>): SetupCode {
  return {
    setupCode: reply.setupCode,
    ...optional("setupId", reply.setupId),
    gatewayUrl: reply.gatewayUrl,
    ...optional("access", reply.access),
    ...optional("expiresAt", reply.expiresAtMs),
  };
}

/* Status: liveness from `health`, identity and uptime from the handshake. */

export const healthReply = z.object({ ok: z.boolean() });

export const helloOkReply = z.object({
  server: z.object({ version: text, connId: text.optional() }),
  snapshot: z.object({ uptimeMs: z.number().optional() }),
  auth: z.object({ role: text, scopes: z.array(z.string()) }),
});

export type GatewayStatus = {
  version: string;
  /** Milliseconds since the gateway process started, when it reports that. */
  uptimeMs?: number;
  healthy: boolean;
};

/** The handshake's uptime is a snapshot; age it by the time since the handshake. */
export function toGatewayStatus(hello: z.infer<typeof helloOkReply>, health: z.infer<typeof healthReply>, msSinceHello: number): GatewayStatus {
  const uptimeAtHello = hello.snapshot.uptimeMs;
  return {
    version: hello.server.version,
    ...optional("uptimeMs", uptimeAtHello === undefined ? undefined : uptimeAtHello + msSinceHello),
    healthy: health.ok,
  };
}

/** Omits a key instead of writing `key: undefined` (exactOptionalPropertyTypes-friendly, tidy JSON). */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]?: V });
}

/* Exec approvals: a command the agent wants to run on the gateway host, waiting for an operator. */

const execApprovalRecordSchema = z.object({
  id: text,
  request: z.object({
    command: z.string().nullish(),
    // Only node-host requests carry a run plan; gateway-host ones send null.
    systemRunPlan: z.object({ commandText: z.string() }).nullish(),
    cwd: z.string().nullish(),
    sessionKey: z.string().nullish(),
  }),
  createdAtMs: z.number(),
  expiresAtMs: z.number().nullable().optional(),
});

export const execApprovalListReply = z.array(execApprovalRecordSchema);
export const execApprovalResolveReply = z.object({ ok: z.boolean() });

/** A pending exec approval as the platform shows it (the API's view, defined once in contracts). */
export type ExecApproval = ExecApprovalView;

export function toExecApprovals(reply: z.infer<typeof execApprovalListReply>): ExecApproval[] {
  return reply.map((record) => ({
    id: record.id,
    command: record.request.command || record.request.systemRunPlan?.commandText || "",
    cwd: record.request.cwd ?? null,
    sessionKey: record.request.sessionKey ?? null,
    createdAt: record.createdAtMs,
    expiresAt: record.expiresAtMs ?? null,
  }));
}
