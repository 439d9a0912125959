/**
 * What the API worker answers on the routes the website uses (docs/api.md), as plain
 * types: the browser only reads them. Types only, so importing them adds nothing to a bundle.
 */
import type { ModelCallSurface } from "./model-proxy.ts";
import type { ModelProvider } from "./tenant-settings.ts";

export type InstanceState = "absent" | "provisioning" | "starting" | "running" | "sleeping" | "stopping" | "error";

export interface PublicUser {
  id: string;
  email: string;
  name: string | null;
  role: "user" | "admin";
  accessEnabled: boolean;
  accessChangedBy: string | null;
  accessChangedAt: number | null;
  createdAt: number;
}

export interface Me {
  user: PublicUser;
  admin: boolean;
  access: boolean;
  authMethod: "session" | "token" | "internal";
  /** Credits left. */
  balance: number;
}

export interface WaitlistEntry {
  id: string;
  email: string;
  note: string | null;
  approved: boolean;
  approvedBy: string | null;
  approvedAt: number | null;
  createdAt: number;
}

export interface BackupSummary {
  id: string;
  createdAt: string;
  reason: string;
  bytes: number;
}

export interface BackupManifest extends BackupSummary {
  tenantId: string;
  sha256: string;
  openclawVersion: string | null;
}

export interface InstanceRecord {
  id: string;
  status: InstanceState;
  provider: ModelProvider;
  model: string;
  openclawVersion: string | null;
  lastError: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface Availability {
  ready: boolean;
  waking: boolean;
  message: string;
}

/** What the status shows about the gateway's last crash until someone acknowledges it. */
export interface CrashReport {
  at: string;
  exitCode: number | null;
  /** The gateway's last output lines, redacted. */
  lastLogLines: string[];
}

/** The tenant runtime's status (`GET /v1/tenant/status`): what the runtime answers and the API reads. */
export interface RuntimeStatus {
  tenantId: string | null;
  state: InstanceState;
  since: string | null;
  uptimeMs: number | null;
  lastError: string | null;
  lastErrorAt: string | null;
  openclawVersion: string | null;
  lastBackup: BackupSummary | null;
  agent: { name: string } | null;
  model: { provider: string; model: string } | null;
  /** Set while the running gateway does not answer (frozen or wedged): since when. */
  notAnsweringSince: string | null;
  /** The last crash the watchdog saw, until someone acknowledges it. */
  crash: CrashReport | null;
  /** When the watchdog restarts a crashed gateway next (null when none is pending). */
  nextRestartAt: string | null;
  /** Set while backups fail (until one works again): the latest failure and how many in a row. */
  lastBackupError: { at: string; message: string; failures: number } | null;
}

export interface InstanceView {
  instance: InstanceRecord;
  /** The runtime's status without its internal tenant id. */
  runtime: Omit<RuntimeStatus, "tenantId">;
  availability: Availability;
}

/** One line of `POST /api/openclaw/instance` with `Accept: application/x-ndjson`. */
export type ProvisionEvent =
  | { stage: "accepted"; instance: InstanceRecord }
  | { stage: "provisioning" | "restoring" | "starting" | "ready" }
  | { stage: "done"; instance: InstanceRecord; status: InstanceView["runtime"] }
  | { stage: "failed"; error: { code: string; message: string } };

export interface DeviceDescription {
  deviceId: string;
  displayName?: string;
  platform?: string;
  deviceFamily?: string;
  clientId?: string;
  clientMode?: string;
  roles: string[];
  scopes: string[];
  remoteIp?: string;
}

export interface PendingDevice extends DeviceDescription {
  requestId: string;
  isRepair: boolean;
  requestedAt: number;
}

export interface PairedDevice extends DeviceDescription {
  approvedAt?: number;
  connected: boolean;
}

export interface DeviceList {
  pending: PendingDevice[];
  paired: PairedDevice[];
}

export interface DmPairingList {
  accounts: Array<{ channel: string; accountId: string; label?: string }>;
  requests: Array<{
    requestId: string;
    channel: string;
    accountId: string;
    senderId: string;
    senderLabel?: string;
    metadata: Record<string, string>;
    createdAt: string;
    expiresAt: string;
  }>;
}

export interface ApiTokenSummary {
  id: string;
  name: string;
  prefix: string;
  createdAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
}

export interface ProviderKeySummary {
  provider: ModelProvider;
  last4: string;
  baseUrl: string | null;
  updatedAt: number;
}

export type GatewayReconfiguration =
  | { reconfigured: false; reason: "no_instance" }
  | { reconfigured: true; state: InstanceState }
  | { reconfigured: false; reason: "failed"; error: { code: string; message: string } };

export interface LedgerEntry {
  id: string;
  ownerId: string;
  delta: number;
  reason: string;
  reference: string | null;
  balanceAfter: number;
  createdAt: number;
}

export interface BillingSummary {
  balance: number;
  entries: LedgerEntry[];
  /** Credits spent per UTC day, newest first, over 30 days: on the OpenClaw (its model calls, from every surface) and on durable threads. */
  /** `openclawBySurface`: the OpenClaw's part by the surface each model call was billed to (contracts' MODEL_CALL_SURFACES; `unrecorded` for older debits). */
  usageByDay: Array<{ day: string; openclaw: number; threads: number; openclawBySurface: Partial<Record<ModelCallSurface | "unrecorded", number>> }>;
  creditsPerToken: number;
}

export interface AuditEntry {
  id: string;
  actor: string;
  action: string;
  target: string;
  details: unknown;
  createdAt: number;
}

export interface AdminUser extends PublicUser {
  admin: boolean;
}

/** An instance as admins list it: the stored record, whose it is, and its live state. */
export interface AdminInstance extends InstanceRecord {
  ownerId: string;
  tenantId: string;
  runtime: { state: InstanceState; since: string | null; lastError: string | null; lastBackup: BackupSummary | null; availability: Availability } | { state: null; error: string };
}

/** `POST /api/tokens`: the token's summary and, this once, the token itself. */
export interface CreatedApiToken extends ApiTokenSummary {
  token: string;
}

/** `PUT /api/keys/:provider`. */
export interface ProviderKeySaved {
  key: ProviderKeySummary;
  gateway: GatewayReconfiguration;
}

/** `DELETE /api/keys/:provider`. */
export interface ProviderKeyDeleted {
  deleted: true;
  provider: ModelProvider;
  gateway: GatewayReconfiguration;
}

/** `GET /api/openclaw/logs`: the gateway's recent output, secrets redacted by the runtime. */
export interface GatewayLogs {
  lines: string[];
}

/** `GET /api/admin/users/:userId/instance`: one user's instance as support sees it. */
export interface UserSupportView {
  user: PublicUser;
  instance: InstanceView | null;
  logs: string[];
}

/** `POST /api/openclaw/devices/link`: a short-lived device ticket as a WebSocket URL on this site. */
export interface DeviceLink {
  /** ws(s) URL a device connects to with its ticket; the first device to connect owns it. */
  wsUrl: string;
  /** ISO time the ticket stops admitting a device that has not connected with it yet. */
  expiresAt: string;
  path: string;
}

/** The Control UI on the tenant's own origin, with a ticket that opens it once. */
export interface ControlUiLink {
  url: string;
  /** ISO time the ticket expires if unused. */
  expiresAt: string;
}

/** A messaging channel as `GET /api/openclaw/channels` shows it: never its secret, only the last 4. */
export interface ChannelView {
  configured: boolean;
  last4: string | null;
  updatedAt: number | null;
}

export interface ChannelList {
  telegram: ChannelView;
}

/** `PUT`/`DELETE /api/openclaw/channels/:channel`: the channel now, and how the gateway took it. */
export interface ChannelChange {
  channel: ChannelView;
  gateway: GatewayReconfiguration;
}
