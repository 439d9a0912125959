import type { ExecApprovalDecision } from "@openclaw-cloud/contracts/threads";
import { GatewayProtocolClient, resolveGatewayStartupRetryAfterMs } from "@openclaw/gateway-client/browser";
import type { ConnectParams, HelloOk } from "@openclaw/gateway-client/browser";
import type { z } from "zod";
import { buildOperatorConnectParams } from "./connect-params.ts";
import { loadDeviceSigner } from "./device-identity.ts";
import type { DeviceKeyJwk, DeviceSigner } from "./device-identity.ts";
import { GatewayRpcError, toGatewayRpcError } from "./gateway-rpc-error.ts";
import {
  devicePairApproveReply,
  devicePairListReply,
  devicePairRejectReply,
  dmPairingApproveReply,
  dmPairingListReply,
  execApprovalListReply,
  execApprovalResolveReply,
  healthReply,
  helloOkReply,
  setupCodeReply,
  toDevicePairingList,
  toDmPairingList,
  toExecApprovals,
  toGatewayStatus,
  toPairedDevice,
  toSetupCode,
} from "./rpc-results.ts";
import type { DevicePairingList, DmPairingApproval, DmPairingList, ExecApproval, GatewayStatus, PairedDevice, SetupCode } from "./rpc-results.ts";
import { adaptSocket } from "./socket-adapter.ts";
import type { WebSocketLike } from "./socket-adapter.ts";

export type ConnectGatewayRpcOptions = {
  /** Opens a WebSocket to the gateway's root path, e.g. through the sandbox's `wsConnect`. */
  openSocket: () => Promise<WebSocketLike>;
  /** The gateway's shared token (`gateway.auth.token`). */
  token: string;
  /** Deadline for the handshake and for each call. Default 10 s. */
  timeoutMs?: number;
  /** Only where the gateway does not see us as local; see connect-params.ts. */
  device?: DeviceKeyJwk;
  clientVersion?: string;
};

export type GatewayRpc = {
  /** Pending device pairing requests and paired devices. */
  listDevicePairing(): Promise<DevicePairingList>;
  /** Throws `not_found` for an unknown or expired request id. */
  approveDevicePairing(requestId: string): Promise<PairedDevice>;
  rejectDevicePairing(requestId: string): Promise<{ requestId: string; deviceId: string }>;
  /** DM pairing requests of chat channels whose DM policy is `pairing`. */
  listDmPairing(filter?: { channel?: string; accountId?: string }): Promise<DmPairingList>;
  /** Approves by the list's requestId: the gateway has no RPC that approves by pairing code. */
  approveDmPairing(request: { channel: string; accountId: string; requestId: string; notify?: boolean }): Promise<DmPairingApproval>;
  /**
   * Mints a single-use setup code (10 minutes) that lets one device pair itself through
   * `publicUrl` (our relay's wss:// URL) without an approval step: `node` access by
   * default; `limited` and `full` add a bounded operator token for the mobile apps.
   */
  createSetupCode(request: { publicUrl: string; access?: "node" | "limited" | "full" }): Promise<SetupCode>;
  /** Exec approvals waiting for an operator (`exec.approval.list`). */
  listExecApprovals(): Promise<ExecApproval[]>;
  /** Answers one (`exec.approval.resolve`); throws `not_found` for an unknown, expired or already answered id. */
  resolveExecApproval(id: string, decision: ExecApprovalDecision): Promise<void>;
  status(): Promise<GatewayStatus>;
  isOpen(): boolean;
  close(): void;
};

const DEFAULT_TIMEOUT_MS = 10_000;
const UNKNOWN_DEVICE_REQUEST = ["unknown requestid"];
const UNKNOWN_EXEC_APPROVAL = ["unknown or expired approval id", "approval already resolved"];
const UNKNOWN_DM_REQUEST = ["pending dm access request no longer exists", "does not use dm pairing", "unknown pairing channel"];

/**
 * Opens one operator connection to a tenant's gateway. It does not reconnect: when it
 * closes (or a call times out), calls fail with `unavailable` and the owner opens a new one. The only retry is
 * the gateway's documented "still starting" answer, within `timeoutMs`.
 */
export async function connectGatewayRpc(options: ConnectGatewayRpcOptions): Promise<GatewayRpc> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const deadline = Date.now() + timeoutMs;
  const device: DeviceSigner | undefined = options.device ? await loadDeviceSigner(options.device) : undefined;

  let hello: z.infer<typeof helloOkReply> | null = null;
  let helloAtMs = 0;
  let settle: { resolve: () => void; reject: (error: GatewayRpcError) => void } | null = null;
  const handshake = new Promise<void>((resolve, reject) => {
    settle = { resolve, reject };
  });
  const fail = (error: GatewayRpcError) => {
    settle?.reject(error);
    settle = null;
  };

  const client = new GatewayProtocolClient<ConnectParams>({
    createSocket: (handlers) => adaptSocket(options.openSocket, handlers),
    createRequestId: () => crypto.randomUUID(),
    buildConnectPlan: ({ nonce, challengeTs }) => {
      if (!nonce) throw new Error("gateway challenge carried no nonce");
      return buildOperatorConnectParams({ token: options.token, nonce, challengeTs, clientVersion: options.clientVersion ?? "0.0.0", device });
    },
    buildConnectParams: (params) => params,
    onHello: (reply: HelloOk) => {
      const parsed = helloOkReply.safeParse(reply);
      if (!parsed.success) {
        fail(new GatewayRpcError("bad_response", `unexpected hello-ok: ${parsed.error.message}`));
        client.stop();
        return;
      }
      hello = parsed.data;
      helloAtMs = Date.now();
      settle?.resolve();
      settle = null;
    },
    onConnectFailure: (error) => {
      const retryAfterMs = resolveGatewayStartupRetryAfterMs(error);
      if (retryAfterMs !== null && Date.now() + retryAfterMs < deadline) {
        return { closeCode: 1013, closeReason: "gateway starting", reconnectDelayMs: retryAfterMs };
      }
      fail(toGatewayRpcError(error));
      return { closeCode: 1008, closeReason: "connect failed", stop: true };
    },
    resolveClose: (context) => ({ retry: !context.helloReceived && context.connectFailure?.reconnectDelayMs !== undefined, notify: true }),
    onClose: (context, decision) => {
      if (decision.retry) return;
      const cause = context.connectFailure?.error;
      fail(cause ? toGatewayRpcError(cause) : new GatewayRpcError("unavailable", `gateway closed the connection (${context.code}${context.reason ? `: ${context.reason}` : ""})`));
    },
    handshake: { mode: "require-challenge", timeoutMs },
    reconnect: { initialMs: 250, multiplier: 2, maxMs: 2_000 },
    requestTimeoutMs: timeoutMs,
  });

  const timer = setTimeout(() => {
    fail(new GatewayRpcError("timeout", `gateway handshake took longer than ${timeoutMs} ms`));
    client.stop();
  }, timeoutMs);
  client.start();
  try {
    await handshake;
  } finally {
    clearTimeout(timer);
  }
  const connected = hello as z.infer<typeof helloOkReply> | null;
  if (!connected) throw new GatewayRpcError("unavailable", "gateway handshake ended without hello-ok");

  async function call<Schema extends z.ZodType>(method: string, params: unknown, reply: Schema, notFound: readonly string[] = []): Promise<z.infer<Schema>> {
    let payload: unknown;
    try {
      payload = await client.request(method, params);
    } catch (error) {
      const failure = toGatewayRpcError(error, notFound);
      // Our calls are quick; one that times out means a dead socket. Closing makes the
      // next call fail fast with `unavailable`, the owner's cue to reconnect.
      if (failure.code === "timeout") client.stop();
      throw failure;
    }
    const parsed = reply.safeParse(payload);
    if (!parsed.success) throw new GatewayRpcError("bad_response", `${method}: unexpected reply: ${parsed.error.message}`, { details: payload });
    return parsed.data;
  }

  return {
    listDevicePairing: async () => toDevicePairingList(await call("device.pair.list", {}, devicePairListReply)),
    approveDevicePairing: async (requestId) => toPairedDevice((await call("device.pair.approve", { requestId }, devicePairApproveReply, UNKNOWN_DEVICE_REQUEST)).device),
    rejectDevicePairing: async (requestId) => {
      const rejected = await call("device.pair.reject", { requestId }, devicePairRejectReply, UNKNOWN_DEVICE_REQUEST);
      return { requestId: rejected.requestId, deviceId: rejected.deviceId };
    },
    listDmPairing: async (filter = {}) => toDmPairingList(await call("channels.pairing.list", filter, dmPairingListReply, UNKNOWN_DM_REQUEST)),
    approveDmPairing: async (request) => {
      const approved = await call("channels.pairing.approve", request, dmPairingApproveReply, UNKNOWN_DM_REQUEST);
      return { requestId: approved.requestId, senderId: approved.senderId, notification: approved.notification };
    },
    createSetupCode: async ({ publicUrl, access = "node" }) =>
      toSetupCode(await call("device.pair.setupCode", { publicUrl, includeQr: false, ...(access === "full" ? {} : { bootstrapProfile: access }) }, setupCodeReply)),
    listExecApprovals: async () => toExecApprovals(await call("exec.approval.list", {}, execApprovalListReply)),
    resolveExecApproval: async (id, decision) => {
      await call("exec.approval.resolve", { id, decision }, execApprovalResolveReply, UNKNOWN_EXEC_APPROVAL);
    },
    status: async () => toGatewayStatus(connected, await call("health", {}, healthReply), Date.now() - helloAtMs),
    isOpen: () => client.connected,
    close: () => client.stop(),
  };
}
