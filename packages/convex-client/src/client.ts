import { z } from "zod";
import {
  ErrorBodySchema,
  rpcMethods,
  type Account,
  type ApiTokenAccount,
  type ApiTokenSummary,
  type Approval,
  type AuditEntry,
  type BillingSummary,
  type ChannelSecretSummary,
  type ErrorCode,
  type GatewayChannelSecret,
  type GatewayProviderKey,
  type Instance,
  type LedgerEntry,
  type ProviderKeySummary,
  type RpcArgs,
  type RpcMethodName,
  type RpcResult,
  type Thread,
  type User,
  type WaitlistEntry,
} from "./wire.ts";

/**
 * `unavailable`: Convex could not be reached or did not answer in time.
 * `bad_response`: it answered with something that is not the contract.
 * Everything else is the code of the control route's `{ error: { code } }` body.
 */
export type ConvexClientErrorCode = ErrorCode | "unavailable" | "bad_response";

export class ConvexClientError extends Error {
  readonly code: ConvexClientErrorCode;
  /** The HTTP status Convex answered with; 503 for `unavailable`, 502 for a 2xx `bad_response`. */
  readonly status: number;
  /** The error body's details, e.g. `{ issues: [{ path, message }] }` for `invalid_request`. */
  readonly details?: Record<string, unknown>;

  constructor(code: ConvexClientErrorCode, status: number, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = "ConvexClientError";
    this.code = code;
    this.status = status;
    this.details = details;
  }
}

export type ConvexClientOptions = {
  /**
   * Where the control routes are served: a deployment's HTTP actions origin
   * (`https://<name>.convex.site`; a `.convex.cloud` URL is mapped to it) or the local
   * default's URL.
   */
  url: string;
  /** The deployment's `OA_CONTROL_KEY`. */
  controlKey: string;
  /** A service binding's fetch, for a Worker; the global fetch otherwise. */
  fetch?: (input: Request) => Promise<Response>;
  /** Per-call limit before giving up with `unavailable` (default 10 s). */
  timeoutMs?: number;
};

export interface ConvexClient {
  /** Registers or updates a user at sign-in; their account comes back. */
  upsertUser(args: RpcArgs<"upsertUser">): Promise<Account>;
  getAccount(userId: string): Promise<Account | null>;
  getAccountByWorkosId(workosUserId: string): Promise<Account | null>;
  getUserByEmail(email: string): Promise<User | null>;
  listUsers(): Promise<User[]>;
  setUserAccess(args: RpcArgs<"setUserAccess">): Promise<User>;
  setUserRole(args: RpcArgs<"setUserRole">): Promise<User>;

  joinWaitlist(args: RpcArgs<"joinWaitlist">): Promise<WaitlistEntry>;
  getWaitlistEntry(email: string): Promise<WaitlistEntry | null>;
  listWaitlist(): Promise<WaitlistEntry[]>;
  setWaitlistApproval(args: RpcArgs<"setWaitlistApproval">): Promise<WaitlistEntry>;

  getInstance(ownerId: string): Promise<Instance | null>;
  createInstance(args: RpcArgs<"createInstance">): Promise<Instance>;
  updateInstance(args: RpcArgs<"updateInstance">): Promise<Instance>;
  deleteInstance(ownerId: string): Promise<void>;
  listInstances(): Promise<Instance[]>;

  setProviderKey(args: RpcArgs<"setProviderKey">): Promise<ProviderKeySummary>;
  deleteProviderKey(args: RpcArgs<"deleteProviderKey">): Promise<void>;
  listProviderKeys(ownerId: string): Promise<ProviderKeySummary[]>;
  /** Server-only: the decrypted keys, for configuring the owner's gateway. */
  getProviderKeysForGateway(ownerId: string): Promise<GatewayProviderKey[]>;

  /** Stores (or replaces) a channel's secret, sealed; only its last four come back. */
  setChannelSecret(args: RpcArgs<"setChannelSecret">): Promise<ChannelSecretSummary>;
  deleteChannelSecret(args: RpcArgs<"deleteChannelSecret">): Promise<void>;
  listChannelSecrets(ownerId: string): Promise<ChannelSecretSummary[]>;
  /** Server-only: the decrypted channel secrets, for configuring the owner's gateway. */
  getChannelSecretsForGateway(ownerId: string): Promise<GatewayChannelSecret[]>;

  createApiToken(args: RpcArgs<"createApiToken">): Promise<ApiTokenSummary>;
  listApiTokens(ownerId: string): Promise<ApiTokenSummary[]>;
  revokeApiToken(args: RpcArgs<"revokeApiToken">): Promise<void>;
  /** The token's account, null when it is unknown or revoked; refreshes its `lastUsedAt`. */
  authenticateApiToken(tokenHash: string): Promise<ApiTokenAccount | null>;

  createThread(args: RpcArgs<"createThread">): Promise<Thread>;
  listThreads(ownerId: string): Promise<Thread[]>;
  updateThread(args: RpcArgs<"updateThread">): Promise<Thread>;
  /** The owner's thread, null for another user's or an unknown id. */
  getThread(args: RpcArgs<"getThread">): Promise<Thread | null>;
  /** A finished turn: bumps `updatedAt`, and names a thread still titled `untitled` `suggestedTitle`. */
  recordThreadTurn(args: RpcArgs<"recordThreadTurn">): Promise<Thread>;

  createApproval(args: RpcArgs<"createApproval">): Promise<Approval>;
  listApprovals(args: RpcArgs<"listApprovals">): Promise<Approval[]>;
  resolveApproval(args: RpcArgs<"resolveApproval">): Promise<Approval>;
  /** The owner's approval, null for another user's or an unknown id. */
  getApproval(args: RpcArgs<"getApproval">): Promise<Approval | null>;

  grantCredits(args: RpcArgs<"grantCredits">): Promise<LedgerEntry>;
  debitCredits(args: RpcArgs<"debitCredits">): Promise<LedgerEntry>;
  /** The owner of a tenant's instance (who pays for its model calls); null for a tenant without one. */
  tenantOwner(tenantId: string): Promise<string | null>;
  /** Debits a tenant's model calls to its owner (each once per reference): the balance after them; null when the tenant has no instance. */
  debitTenant(args: RpcArgs<"debitTenant">): Promise<{ balanceAfter: number } | null>;
  billingSummary(ownerId: string): Promise<BillingSummary>;

  appendAudit(args: RpcArgs<"appendAudit">): Promise<AuditEntry>;
  listAudit(args?: RpcArgs<"listAudit">): Promise<AuditEntry[]>;
}

const DEFAULT_TIMEOUT_MS = 10_000;

/** HTTP actions are served from `.convex.site`, not the `.convex.cloud` client URL. */
export function controlRpcUrl(url: string): URL {
  const base = new URL(url);
  base.hostname = base.hostname.replace(/\.convex\.cloud$/, ".convex.site");
  return new URL("/control/rpc", base);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Each method's answer body (`{ value }`), built once per method rather than on every call. */
const resultSchemas = new Map<RpcMethodName, z.ZodType<{ value: unknown }>>();

function resultSchema(name: RpcMethodName): z.ZodType<{ value: unknown }> {
  let schema = resultSchemas.get(name);
  if (!schema) resultSchemas.set(name, (schema = z.object({ value: rpcMethods[name].result })));
  return schema;
}

export function createConvexClient(options: ConvexClientOptions): ConvexClient {
  const endpoint = controlRpcUrl(options.url);
  const send = options.fetch ?? ((request: Request) => fetch(request));
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  async function call<Name extends RpcMethodName>(name: Name, args: RpcArgs<Name>): Promise<RpcResult<Name>> {
    // The deadline races the call itself, so a fetch that ignores its signal cannot hang us.
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    const abandoned = new Promise<never>((_, reject) => deadline.signal.addEventListener("abort", () => reject(deadline.signal.reason)));
    let status: number;
    let text: string;
    try {
      const request = new Request(endpoint, {
        method: "POST",
        headers: { "content-type": "application/json", "x-oa-control-key": options.controlKey },
        body: JSON.stringify({ function: name, args }),
        signal: deadline.signal,
      });
      const response = await Promise.race([send(request), abandoned]);
      status = response.status;
      text = await Promise.race([response.text(), abandoned]);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new ConvexClientError("unavailable", 503, `convex ${name}: ${reason}`);
    } finally {
      clearTimeout(timer);
    }
    const body = parseJson(text);
    if (status < 200 || status > 299) {
      const failure = ErrorBodySchema.safeParse(body);
      if (failure.success) {
        const { code, message, details } = failure.data.error;
        throw new ConvexClientError(code, status, `convex ${name}: ${message}`, details);
      }
      throw new ConvexClientError("bad_response", status, `convex ${name}: HTTP ${status} without an error body`);
    }
    const result = resultSchema(name).safeParse(body);
    if (!result.success) {
      throw new ConvexClientError("bad_response", 502, `convex ${name}: the response does not match the contract`);
    }
    return result.data.value as RpcResult<Name>;
  }

  return {
    upsertUser: (args) => call("upsertUser", args),
    getAccount: (userId) => call("getAccount", { userId }),
    getAccountByWorkosId: (workosUserId) => call("getAccountByWorkosId", { workosUserId }),
    getUserByEmail: (email) => call("getUserByEmail", { email }),
    listUsers: () => call("listUsers", {}),
    setUserAccess: (args) => call("setUserAccess", args),
    setUserRole: (args) => call("setUserRole", args),

    joinWaitlist: (args) => call("joinWaitlist", args),
    getWaitlistEntry: (email) => call("getWaitlistEntry", { email }),
    listWaitlist: () => call("listWaitlist", {}),
    setWaitlistApproval: (args) => call("setWaitlistApproval", args),

    getInstance: (ownerId) => call("getInstance", { ownerId }),
    createInstance: (args) => call("createInstance", args),
    updateInstance: (args) => call("updateInstance", args),
    deleteInstance: async (ownerId) => void (await call("deleteInstance", { ownerId })),
    listInstances: () => call("listInstances", {}),

    setProviderKey: (args) => call("setProviderKey", args),
    deleteProviderKey: async (args) => void (await call("deleteProviderKey", args)),
    listProviderKeys: (ownerId) => call("listProviderKeys", { ownerId }),
    getProviderKeysForGateway: (ownerId) => call("getProviderKeysForGateway", { ownerId }),

    setChannelSecret: (args) => call("setChannelSecret", args),
    deleteChannelSecret: async (args) => void (await call("deleteChannelSecret", args)),
    listChannelSecrets: (ownerId) => call("listChannelSecrets", { ownerId }),
    getChannelSecretsForGateway: (ownerId) => call("getChannelSecretsForGateway", { ownerId }),

    createApiToken: (args) => call("createApiToken", args),
    listApiTokens: (ownerId) => call("listApiTokens", { ownerId }),
    revokeApiToken: async (args) => void (await call("revokeApiToken", args)),
    authenticateApiToken: (tokenHash) => call("authenticateApiToken", { tokenHash }),

    createThread: (args) => call("createThread", args),
    listThreads: (ownerId) => call("listThreads", { ownerId }),
    updateThread: (args) => call("updateThread", args),
    getThread: (args) => call("getThread", args),
    recordThreadTurn: (args) => call("recordThreadTurn", args),

    createApproval: (args) => call("createApproval", args),
    listApprovals: (args) => call("listApprovals", args),
    resolveApproval: (args) => call("resolveApproval", args),
    getApproval: (args) => call("getApproval", args),

    grantCredits: (args) => call("grantCredits", args),
    debitCredits: (args) => call("debitCredits", args),
    tenantOwner: (tenantId) => call("tenantOwner", { tenantId }),
    debitTenant: (args) => call("debitTenant", args),
    billingSummary: (ownerId) => call("billingSummary", { ownerId }),

    appendAudit: (args) => call("appendAudit", args),
    listAudit: (args = {}) => call("listAudit", args),
  };
}
