/**
 * The wire contract between the workers and Convex's control routes: one zod schema per
 * RPC method for its arguments (checked by `convex/http.ts` before any function runs) and
 * one for its result (checked by the client on every response). Both sides import this
 * file, so a field can only change in one place.
 */
import { z } from "zod";
import { MODEL_CALL_SURFACES, ModelProviderSchema, TelegramBotTokenSchema, isTenantId } from "@openclaw-cloud/contracts";

export { ModelProviderSchema };
export type { ModelProvider } from "@openclaw-cloud/contracts";

/** A Convex document id as text; which table it names is checked where it is used. */
export const DocumentIdSchema = z.string().min(1).max(128);

const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(320)
  .regex(/^[^\s@]+@[^\s@]+$/, "must be an email address");
const label = (max: number) => z.string().trim().min(1).max(max);
/** Who did something: a user id, an admin's email, or a system name such as `api`. */
const actor = label(256);
const timestamp = z.number();
const credits = z.number().int().min(1).max(1_000_000_000);
/** The most model-call debits one `debitTenant` carries. */
export const MAX_TENANT_DEBITS = 100;
/** Free-form JSON (approval payloads, audit details), bounded so one row stays small. */
const jsonDetails = z.json().refine((value) => JSON.stringify(value).length <= 64 * 1024, "must serialize to at most 64 KiB");

/** Codes of `{ error: { code, message } }` bodies from the control routes. */
export const ErrorCodeSchema = z.enum(["unauthorized", "invalid_json", "invalid_request", "payload_too_large", "not_found", "conflict", "misconfigured", "internal"]);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;
export const ErrorBodySchema = z.object({
  error: z.object({
    code: ErrorCodeSchema,
    message: z.string(),
    /** For `invalid_request`: `{ issues: [{ path, message }] }`. */
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});

export const UserRoleSchema = z.enum(["user", "admin"]);
export const UserSchema = z.object({
  id: DocumentIdSchema,
  workosUserId: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  role: UserRoleSchema,
  accessEnabled: z.boolean(),
  accessChangedBy: z.string().nullable(),
  accessChangedAt: timestamp.nullable(),
  createdAt: timestamp,
});
export type User = z.infer<typeof UserSchema>;
/**
 * A user's record with their current credit balance, read together: what authenticating
 * a request needs (access, role, a turn's credit check) in one call.
 */
export const AccountSchema = z.object({ user: UserSchema, balance: z.number().int() });
export type Account = z.infer<typeof AccountSchema>;

export const WaitlistEntrySchema = z.object({
  id: DocumentIdSchema,
  email: z.string(),
  note: z.string().nullable(),
  approved: z.boolean(),
  approvedBy: z.string().nullable(),
  approvedAt: timestamp.nullable(),
  createdAt: timestamp,
});
export type WaitlistEntry = z.infer<typeof WaitlistEntrySchema>;

/** The tenant runtime's lifecycle states, as `openclaw-runtime` reports them. */
export const InstanceStatusSchema = z.enum(["absent", "provisioning", "starting", "running", "sleeping", "stopping", "error"]);
export type InstanceStatus = z.infer<typeof InstanceStatusSchema>;
const tenantId = z.string().refine(isTenantId, "must be a tenant id");
const model = label(128);
export const InstanceSchema = z.object({
  id: DocumentIdSchema,
  ownerId: DocumentIdSchema,
  tenantId: z.string(),
  status: InstanceStatusSchema,
  openclawVersion: z.string().nullable(),
  provider: ModelProviderSchema,
  model: z.string(),
  lastError: z.string().nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Instance = z.infer<typeof InstanceSchema>;

export const ProviderKeySummarySchema = z.object({
  provider: ModelProviderSchema,
  last4: z.string(),
  baseUrl: z.string().nullable(),
  updatedAt: timestamp,
});
export type ProviderKeySummary = z.infer<typeof ProviderKeySummarySchema>;
export const GatewayProviderKeySchema = z.object({
  provider: ModelProviderSchema,
  key: z.string(),
  baseUrl: z.string().nullable(),
});
export type GatewayProviderKey = z.infer<typeof GatewayProviderKeySchema>;

/** Messaging channels a tenant connects with a secret of their own. */
export const ChannelNameSchema = z.enum(["telegram"]);
export type ChannelName = z.infer<typeof ChannelNameSchema>;
export const ChannelSecretSummarySchema = z.object({ channel: ChannelNameSchema, last4: z.string(), updatedAt: timestamp });
export type ChannelSecretSummary = z.infer<typeof ChannelSecretSummarySchema>;
export const GatewayChannelSecretSchema = z.object({ channel: ChannelNameSchema, secret: z.string() });
export type GatewayChannelSecret = z.infer<typeof GatewayChannelSecretSchema>;

export const ApiTokenSummarySchema = z.object({
  id: DocumentIdSchema,
  name: z.string(),
  prefix: z.string(),
  createdAt: timestamp,
  lastUsedAt: timestamp.nullable(),
  revokedAt: timestamp.nullable(),
});
export type ApiTokenSummary = z.infer<typeof ApiTokenSummarySchema>;
/** The account an API token acts for, and which token it was. */
export const ApiTokenAccountSchema = AccountSchema.extend({ tokenId: DocumentIdSchema });
export type ApiTokenAccount = z.infer<typeof ApiTokenAccountSchema>;

export const ThreadKindSchema = z.enum(["chat", "project", "openclaw"]);
export const ThreadSchema = z.object({
  id: DocumentIdSchema,
  ownerId: DocumentIdSchema,
  title: z.string(),
  kind: ThreadKindSchema,
  archived: z.boolean(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Thread = z.infer<typeof ThreadSchema>;

export const ApprovalStatusSchema = z.enum(["pending", "approved", "rejected"]);
export const ApprovalSchema = z.object({
  id: DocumentIdSchema,
  ownerId: DocumentIdSchema,
  kind: z.string(),
  payload: z.json(),
  status: ApprovalStatusSchema,
  requestedBy: z.string(),
  requestedAt: timestamp,
  resolvedBy: z.string().nullable(),
  resolvedAt: timestamp.nullable(),
});
export type Approval = z.infer<typeof ApprovalSchema>;

export const LedgerEntrySchema = z.object({
  id: DocumentIdSchema,
  ownerId: DocumentIdSchema,
  delta: z.number().int(),
  reason: z.string(),
  reference: z.string().nullable(),
  balanceAfter: z.number().int(),
  createdAt: timestamp,
});
export type LedgerEntry = z.infer<typeof LedgerEntrySchema>;
/** Credits spent per UTC day (newest first, 30 days): on the person's OpenClaw (every surface's model calls) and on durable threads. */
export const DayUsageSchema = z.object({
  day: z.string(),
  openclaw: z.number().int(),
  threads: z.number().int(),
  /** The OpenClaw's part by surface (contracts' MODEL_CALL_SURFACES, and `unrecorded`). */
  openclawBySurface: z.partialRecord(z.enum([...MODEL_CALL_SURFACES, "unrecorded"]), z.number().int()),
});
export const BillingSummarySchema = z.object({ balance: z.number().int(), entries: z.array(LedgerEntrySchema), usageByDay: z.array(DayUsageSchema) });
export type BillingSummary = z.infer<typeof BillingSummarySchema>;

export const AuditEntrySchema = z.object({
  id: DocumentIdSchema,
  actor: z.string(),
  action: z.string(),
  target: z.string(),
  details: z.json().nullable(),
  createdAt: timestamp,
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

const ownerArgs = z.strictObject({ ownerId: DocumentIdSchema });
const noArgs = z.strictObject({});
const providerKey = z
  .string()
  .trim()
  .min(8)
  .max(512)
  .regex(/^[\x21-\x7e]+$/, "printable ASCII without spaces");
const httpUrl = z.url({ protocol: /^https?$/ }).max(2048);

/**
 * Every function `POST /control/rpc` dispatches to, and nothing else: the allowlist.
 * Method names are the client's method names.
 */
export const rpcMethods = {
  upsertUser: {
    args: z.strictObject({ workosUserId: label(256), email, name: label(256).optional() }),
    result: AccountSchema,
  },
  getAccount: { args: z.strictObject({ userId: DocumentIdSchema }), result: AccountSchema.nullable() },
  getAccountByWorkosId: { args: z.strictObject({ workosUserId: label(256) }), result: AccountSchema.nullable() },
  getUserByEmail: { args: z.strictObject({ email }), result: UserSchema.nullable() },
  listUsers: { args: noArgs, result: z.array(UserSchema) },
  setUserAccess: {
    args: z.strictObject({ userId: DocumentIdSchema, enabled: z.boolean(), actorId: actor }),
    result: UserSchema,
  },
  setUserRole: {
    args: z.strictObject({ userId: DocumentIdSchema, role: UserRoleSchema, actorId: actor }),
    result: UserSchema,
  },

  joinWaitlist: { args: z.strictObject({ email, note: z.string().trim().max(2000).optional() }), result: WaitlistEntrySchema },
  getWaitlistEntry: { args: z.strictObject({ email }), result: WaitlistEntrySchema.nullable() },
  listWaitlist: { args: noArgs, result: z.array(WaitlistEntrySchema) },
  setWaitlistApproval: {
    args: z.strictObject({ entryId: DocumentIdSchema, approved: z.boolean(), actorId: actor }),
    result: WaitlistEntrySchema,
  },

  getInstance: { args: ownerArgs, result: InstanceSchema.nullable() },
  createInstance: {
    args: z.strictObject({ ownerId: DocumentIdSchema, tenantId, provider: ModelProviderSchema, model }),
    result: InstanceSchema,
  },
  updateInstance: {
    args: z.strictObject({
      ownerId: DocumentIdSchema,
      status: InstanceStatusSchema.optional(),
      openclawVersion: label(64).nullable().optional(),
      lastError: z.string().max(4000).nullable().optional(),
    }),
    result: InstanceSchema,
  },
  deleteInstance: { args: ownerArgs, result: z.null() },
  listInstances: { args: noArgs, result: z.array(InstanceSchema) },

  setProviderKey: {
    args: z.strictObject({ ownerId: DocumentIdSchema, provider: ModelProviderSchema, key: providerKey, baseUrl: httpUrl.optional() }).refine((a) => a.provider !== "openai-compatible" || a.baseUrl, {
      message: "baseUrl is required for an openai-compatible provider",
      path: ["baseUrl"],
    }),
    result: ProviderKeySummarySchema,
  },
  deleteProviderKey: { args: z.strictObject({ ownerId: DocumentIdSchema, provider: ModelProviderSchema }), result: z.null() },
  listProviderKeys: { args: ownerArgs, result: z.array(ProviderKeySummarySchema) },
  getProviderKeysForGateway: { args: ownerArgs, result: z.array(GatewayProviderKeySchema) },

  setChannelSecret: {
    // One channel today; its secret's shape is checked here as well as by the API.
    args: z.strictObject({ ownerId: DocumentIdSchema, channel: ChannelNameSchema, secret: TelegramBotTokenSchema }),
    result: ChannelSecretSummarySchema,
  },
  deleteChannelSecret: { args: z.strictObject({ ownerId: DocumentIdSchema, channel: ChannelNameSchema }), result: z.null() },
  listChannelSecrets: { args: ownerArgs, result: z.array(ChannelSecretSummarySchema) },
  getChannelSecretsForGateway: { args: ownerArgs, result: z.array(GatewayChannelSecretSchema) },

  createApiToken: {
    args: z.strictObject({
      ownerId: DocumentIdSchema,
      name: label(128),
      tokenHash: z.string().regex(/^[0-9a-f]{64}$/, "must be a lowercase sha256 hex digest"),
      prefix: label(32),
    }),
    result: ApiTokenSummarySchema,
  },
  listApiTokens: { args: ownerArgs, result: z.array(ApiTokenSummarySchema) },
  revokeApiToken: { args: z.strictObject({ ownerId: DocumentIdSchema, tokenId: DocumentIdSchema }), result: z.null() },
  authenticateApiToken: {
    args: z.strictObject({ tokenHash: z.string().regex(/^[0-9a-f]{64}$/, "must be a lowercase sha256 hex digest") }),
    result: ApiTokenAccountSchema.nullable(),
  },

  createThread: {
    args: z.strictObject({ ownerId: DocumentIdSchema, title: z.string().trim().max(200), kind: ThreadKindSchema }),
    result: ThreadSchema,
  },
  listThreads: { args: ownerArgs, result: z.array(ThreadSchema) },
  updateThread: {
    args: z.strictObject({
      ownerId: DocumentIdSchema,
      threadId: DocumentIdSchema,
      title: z.string().trim().max(200).optional(),
      archived: z.boolean().optional(),
    }),
    result: ThreadSchema,
  },
  getThread: { args: z.strictObject({ ownerId: DocumentIdSchema, threadId: DocumentIdSchema }), result: ThreadSchema.nullable() },
  /** A finished turn: bumps updatedAt and names a thread still titled `untitled` (one write). */
  recordThreadTurn: {
    args: z.strictObject({
      ownerId: DocumentIdSchema,
      threadId: DocumentIdSchema,
      untitled: z.string().max(200),
      suggestedTitle: z.string().trim().min(1).max(200).optional(),
    }),
    result: ThreadSchema,
  },

  createApproval: {
    args: z.strictObject({ ownerId: DocumentIdSchema, kind: label(64), payload: jsonDetails, requestedBy: actor }),
    result: ApprovalSchema,
  },
  listApprovals: {
    args: z.strictObject({ ownerId: DocumentIdSchema, status: ApprovalStatusSchema.optional() }),
    result: z.array(ApprovalSchema),
  },
  resolveApproval: {
    args: z.strictObject({ ownerId: DocumentIdSchema, approvalId: DocumentIdSchema, approved: z.boolean(), resolvedBy: actor }),
    result: ApprovalSchema,
  },
  getApproval: { args: z.strictObject({ ownerId: DocumentIdSchema, approvalId: DocumentIdSchema }), result: ApprovalSchema.nullable() },

  grantCredits: {
    args: z.strictObject({
      ownerId: DocumentIdSchema,
      amount: credits,
      reason: label(256),
      actorId: actor,
      reference: label(256).optional(),
    }),
    result: LedgerEntrySchema,
  },
  debitCredits: {
    args: z.strictObject({ ownerId: DocumentIdSchema, amount: credits, reason: label(256), reference: label(256) }),
    result: LedgerEntrySchema,
  },
  tenantOwner: { args: z.strictObject({ tenantId }), result: DocumentIdSchema.nullable() },
  debitTenant: {
    args: z.strictObject({
      tenantId,
      debits: z
        .array(z.strictObject({ amount: credits, reason: label(256), reference: label(256) }))
        .min(1)
        .max(MAX_TENANT_DEBITS),
    }),
    result: z.object({ balanceAfter: z.number().int() }).nullable(),
  },
  billingSummary: { args: ownerArgs, result: BillingSummarySchema },

  appendAudit: {
    args: z.strictObject({ actor, action: label(128), target: label(256), details: jsonDetails.optional() }),
    result: AuditEntrySchema,
  },
  listAudit: {
    args: z.strictObject({ limit: z.number().int().min(1).max(1000).optional() }),
    result: z.array(AuditEntrySchema),
  },
} as const;

export type RpcMethodName = keyof typeof rpcMethods;
export type RpcArgs<Name extends RpcMethodName> = z.input<(typeof rpcMethods)[Name]["args"]>;
export type RpcParsedArgs<Name extends RpcMethodName> = z.output<(typeof rpcMethods)[Name]["args"]>;
export type RpcResult<Name extends RpcMethodName> = z.output<(typeof rpcMethods)[Name]["result"]>;

export const RpcRequestSchema = z.strictObject({ function: z.string().min(1).max(64), args: z.unknown().optional() });

export function isRpcMethodName(name: string): name is RpcMethodName {
  return Object.hasOwn(rpcMethods, name);
}

/** Body of `POST /control/openclaw/instance`; the owner comes from `x-oa-user-id`. */
export const CreateInstanceBodySchema = z.strictObject({ tenantId, provider: ModelProviderSchema, model });
export const InstanceResponseSchema = z.object({ instance: InstanceSchema.nullable() });
export const InstanceStatusResponseSchema = z.object({
  status: InstanceStatusSchema,
  openclawVersion: z.string().nullable(),
  lastError: z.string().nullable(),
  updatedAt: timestamp,
});
export const InstanceSecretResponseSchema = z.object({ providerKeys: z.array(GatewayProviderKeySchema) });

export type InputIssue = { path: string; message: string };
export type Checked<T> = { ok: true; value: T } | { ok: false; message: string; issues: InputIssue[] };

/**
 * Validates input against a wire schema. Issues carry paths and zod's messages, never the
 * rejected value, which may be a secret.
 */
export function checkInput<Schema extends z.ZodType>(schema: Schema, input: unknown): Checked<z.output<Schema>> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issues = parsed.error.issues.slice(0, 10).map((issue) => ({ path: issue.path.join("."), message: issue.message }));
  const message = issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message)).join("; ");
  return { ok: false, message, issues };
}
