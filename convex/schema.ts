import { defineSchema, defineTable } from "convex/server";
import { v } from "convex/values";

export const modelProvider = v.union(v.literal("anthropic"), v.literal("openai"), v.literal("openai-compatible"));
export const instanceStatus = v.union(v.literal("absent"), v.literal("provisioning"), v.literal("starting"), v.literal("running"), v.literal("sleeping"), v.literal("stopping"), v.literal("error"));
export const userRole = v.union(v.literal("user"), v.literal("admin"));
export const threadKind = v.union(v.literal("chat"), v.literal("project"), v.literal("openclaw"));
/** Messaging channels a tenant can connect with a secret of their own (Telegram: a bot token). */
export const channelName = v.literal("telegram");
export const approvalStatus = v.union(v.literal("pending"), v.literal("approved"), v.literal("rejected"));

export default defineSchema({
  users: defineTable({
    workosUserId: v.string(),
    email: v.string(),
    name: v.union(v.string(), v.null()),
    role: userRole,
    accessEnabled: v.boolean(),
    accessChangedBy: v.union(v.string(), v.null()),
    accessChangedAt: v.union(v.number(), v.null()),
    createdAt: v.number(),
  })
    .index("by_workos_user_id", ["workosUserId"])
    .index("by_email", ["email"]),

  waitlist: defineTable({
    email: v.string(),
    note: v.union(v.string(), v.null()),
    approved: v.boolean(),
    approvedBy: v.union(v.string(), v.null()),
    approvedAt: v.union(v.number(), v.null()),
    createdAt: v.number(),
  }).index("by_email", ["email"]),

  instances: defineTable({
    ownerId: v.id("users"),
    tenantId: v.string(),
    status: instanceStatus,
    openclawVersion: v.union(v.string(), v.null()),
    provider: modelProvider,
    model: v.string(),
    lastError: v.union(v.string(), v.null()),
    createdAt: v.number(),
    updatedAt: v.number(),
  })
    .index("by_owner", ["ownerId"])
    .index("by_tenant_id", ["tenantId"]),

  // The key itself is only ever stored as AES-GCM ciphertext (see lib/secretBox.ts).
  providerKeys: defineTable({
    ownerId: v.id("users"),
    provider: modelProvider,
    ciphertext: v.bytes(),
    iv: v.bytes(),
    last4: v.string(),
    baseUrl: v.union(v.string(), v.null()),
    updatedAt: v.number(),
  }).index("by_owner_provider", ["ownerId", "provider"]),

  // Channel secrets (a Telegram bot token), sealed exactly like provider keys.
  channelSecrets: defineTable({
    ownerId: v.id("users"),
    channel: channelName,
    ciphertext: v.bytes(),
    iv: v.bytes(),
    last4: v.string(),
    updatedAt: v.number(),
  }).index("by_owner_channel", ["ownerId", "channel"]),

  // Only a sha256 of the token is stored; the API worker hashes, Convex never sees a token.
  apiTokens: defineTable({
    ownerId: v.id("users"),
    name: v.string(),
    tokenHash: v.string(),
    prefix: v.string(),
    createdAt: v.number(),
    lastUsedAt: v.union(v.number(), v.null()),
    revokedAt: v.union(v.number(), v.null()),
  })
    .index("by_owner", ["ownerId"])
    .index("by_token_hash", ["tokenHash"]),

  threads: defineTable({
    ownerId: v.id("users"),
    title: v.string(),
    kind: threadKind,
    archived: v.boolean(),
    createdAt: v.number(),
    updatedAt: v.number(),
  }).index("by_owner_updated", ["ownerId", "updatedAt"]),

  approvals: defineTable({
    ownerId: v.id("users"),
    kind: v.string(),
    // JSON text: arbitrary payload keys need not be valid Convex field names.
    payload: v.string(),
    status: approvalStatus,
    requestedBy: v.string(),
    requestedAt: v.number(),
    resolvedBy: v.union(v.string(), v.null()),
    resolvedAt: v.union(v.number(), v.null()),
  })
    .index("by_owner", ["ownerId"])
    .index("by_owner_status", ["ownerId", "status"]),

  creditLedger: defineTable({
    ownerId: v.id("users"),
    delta: v.number(),
    reason: v.string(),
    reference: v.union(v.string(), v.null()),
    balanceAfter: v.number(),
    createdAt: v.number(),
  })
    .index("by_owner", ["ownerId"])
    .index("by_owner_reference", ["ownerId", "reference"]),

  auditLog: defineTable({
    actor: v.string(),
    action: v.string(),
    target: v.string(),
    // JSON text or null, for the same reason as approvals.payload.
    details: v.union(v.string(), v.null()),
    createdAt: v.number(),
  }),
});
