import type {
  Approval,
  AuditEntry,
  ChannelName,
  ChannelSecretSummary,
  GatewayChannelSecret,
  GatewayProviderKey,
  ProviderKeySummary,
  RpcMethodName,
  RpcParsedArgs,
  RpcResult,
} from "@openclaw-cloud/convex-client/wire";
import { internal } from "../_generated/api";
import type { ActionCtx } from "../_generated/server";
import { open, seal } from "./secretBox";

type RpcHandlers = {
  [Name in RpcMethodName]: (ctx: ActionCtx, args: RpcParsedArgs<Name>) => Promise<RpcResult<Name>>;
};

/** Free-form JSON is stored and returned by the functions as text, see approvals.ts. */
function withPayload<Row extends { payloadJson: string }>({ payloadJson, ...approval }: Row): Omit<Row, "payloadJson"> & Pick<Approval, "payload"> {
  return { ...approval, payload: JSON.parse(payloadJson) };
}

function withDetails<Row extends { detailsJson: string | null }>({ detailsJson, ...entry }: Row): Omit<Row, "detailsJson"> & Pick<AuditEntry, "details"> {
  return { ...entry, details: detailsJson === null ? null : JSON.parse(detailsJson) };
}

/** The key is sealed here, in the action, and only ciphertext goes to the database. */
async function setProviderKey(ctx: ActionCtx, args: RpcParsedArgs<"setProviderKey">): Promise<ProviderKeySummary> {
  const { ciphertext, iv } = await seal(args.key, args.ownerId, args.provider);
  return await ctx.runMutation(internal.providerKeys.store, {
    ownerId: args.ownerId,
    provider: args.provider,
    ciphertext,
    iv,
    last4: args.key.slice(-4),
    baseUrl: args.baseUrl ?? null,
  });
}

/** The only way a key leaves Convex in clear: server to server, for the gateway's start. */
async function providerKeysForGateway(ctx: ActionCtx, ownerId: string): Promise<GatewayProviderKey[]> {
  const sealed = await ctx.runQuery(internal.providerKeys.sealedForGateway, { ownerId });
  return await Promise.all(
    sealed.map(async ({ provider, baseUrl, ciphertext, iv }) => ({
      provider,
      baseUrl,
      key: await open({ ciphertext, iv }, ownerId, provider),
    })),
  );
}

/** What a channel secret is bound to in its ciphertext, distinct from any provider name. */
function channelPurpose(channel: ChannelName): string {
  return `channel:${channel}`;
}

/** Sealed here, in the action, like a provider key; only its last four characters stay readable. */
async function setChannelSecret(ctx: ActionCtx, args: RpcParsedArgs<"setChannelSecret">): Promise<ChannelSecretSummary> {
  const { ciphertext, iv } = await seal(args.secret, args.ownerId, channelPurpose(args.channel));
  return await ctx.runMutation(internal.channelSecrets.store, { ownerId: args.ownerId, channel: args.channel, ciphertext, iv, last4: args.secret.slice(-4) });
}

/** The only way a channel secret leaves Convex in clear: server to server, for the gateway's settings. */
async function channelSecretsForGateway(ctx: ActionCtx, ownerId: string): Promise<GatewayChannelSecret[]> {
  const sealed = await ctx.runQuery(internal.channelSecrets.sealedForGateway, { ownerId });
  return await Promise.all(sealed.map(async ({ channel, ciphertext, iv }) => ({ channel, secret: await open({ ciphertext, iv }, ownerId, channelPurpose(channel)) })));
}

/**
 * The allowlist behind `POST /control/rpc`: each client method name maps to the internal
 * functions it may run, and nothing else is reachable.
 */
export const rpcHandlers: RpcHandlers = {
  upsertUser: (ctx, args) => ctx.runMutation(internal.users.upsert, args),
  getAccount: (ctx, args) => ctx.runQuery(internal.users.getAccount, args),
  getAccountByWorkosId: (ctx, args) => ctx.runQuery(internal.users.getAccountByWorkosId, args),
  getUserByEmail: (ctx, args) => ctx.runQuery(internal.users.getByEmail, args),
  listUsers: (ctx) => ctx.runQuery(internal.users.list, {}),
  setUserAccess: (ctx, args) => ctx.runMutation(internal.users.setAccess, args),
  setUserRole: (ctx, args) => ctx.runMutation(internal.users.setRole, args),

  joinWaitlist: (ctx, args) => ctx.runMutation(internal.waitlist.join, args),
  getWaitlistEntry: (ctx, args) => ctx.runQuery(internal.waitlist.getByEmail, args),
  listWaitlist: (ctx) => ctx.runQuery(internal.waitlist.list, {}),
  setWaitlistApproval: (ctx, args) => ctx.runMutation(internal.waitlist.setApproval, args),

  getInstance: (ctx, args) => ctx.runQuery(internal.instances.get, args),
  createInstance: (ctx, args) => ctx.runMutation(internal.instances.create, args),
  updateInstance: (ctx, args) => ctx.runMutation(internal.instances.update, args),
  deleteInstance: (ctx, args) => ctx.runMutation(internal.instances.remove, args),
  listInstances: (ctx) => ctx.runQuery(internal.instances.list, {}),

  setProviderKey,
  deleteProviderKey: (ctx, args) => ctx.runMutation(internal.providerKeys.remove, args),
  listProviderKeys: (ctx, args) => ctx.runQuery(internal.providerKeys.list, args),
  getProviderKeysForGateway: (ctx, { ownerId }) => providerKeysForGateway(ctx, ownerId),

  setChannelSecret,
  deleteChannelSecret: (ctx, args) => ctx.runMutation(internal.channelSecrets.remove, args),
  listChannelSecrets: (ctx, args) => ctx.runQuery(internal.channelSecrets.list, args),
  getChannelSecretsForGateway: (ctx, { ownerId }) => channelSecretsForGateway(ctx, ownerId),

  createApiToken: (ctx, args) => ctx.runMutation(internal.apiTokens.create, args),
  listApiTokens: (ctx, args) => ctx.runQuery(internal.apiTokens.list, args),
  revokeApiToken: (ctx, args) => ctx.runMutation(internal.apiTokens.revoke, args),
  authenticateApiToken: (ctx, args) => ctx.runMutation(internal.apiTokens.authenticate, args),

  createThread: (ctx, args) => ctx.runMutation(internal.threads.create, args),
  listThreads: (ctx, args) => ctx.runQuery(internal.threads.list, args),
  updateThread: (ctx, args) => ctx.runMutation(internal.threads.update, args),
  getThread: (ctx, args) => ctx.runQuery(internal.threads.get, args),
  recordThreadTurn: (ctx, args) => ctx.runMutation(internal.threads.recordTurn, args),

  createApproval: async (ctx, { payload, ...args }) => withPayload(await ctx.runMutation(internal.approvals.create, { ...args, payloadJson: JSON.stringify(payload) })),
  listApprovals: async (ctx, args) => (await ctx.runQuery(internal.approvals.list, args)).map(withPayload),
  resolveApproval: async (ctx, args) => withPayload(await ctx.runMutation(internal.approvals.resolve, args)),
  getApproval: async (ctx, args) => {
    const approval = await ctx.runQuery(internal.approvals.get, args);
    return approval === null ? null : withPayload(approval);
  },

  grantCredits: (ctx, args) => ctx.runMutation(internal.credits.grant, args),
  debitCredits: (ctx, args) => ctx.runMutation(internal.credits.debit, args),
  tenantOwner: (ctx, args) => ctx.runQuery(internal.credits.tenantOwner, args),
  debitTenant: (ctx, args) => ctx.runMutation(internal.credits.debitTenant, args),
  billingSummary: (ctx, args) => ctx.runQuery(internal.credits.summary, args),

  appendAudit: async (ctx, { details, ...args }) => withDetails(await ctx.runMutation(internal.audit.append, { ...args, detailsJson: details === undefined ? undefined : JSON.stringify(details) })),
  listAudit: async (ctx, args) => (await ctx.runQuery(internal.audit.list, args)).map(withDetails),
};
