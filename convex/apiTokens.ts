import { v } from "convex/values";
import { internalMutation, internalQuery } from "./_generated/server";
import type { Doc } from "./_generated/dataModel";
import { findDocument, requireUser } from "./lib/documents";
import { fail } from "./lib/errors";
import { toAccount } from "./users";

/**
 * `lastUsedAt` is refreshed at most this often, so a burst of API calls with one token
 * is not a burst of writes to its row.
 */
export const LAST_USED_RESOLUTION_MS = 60_000;

export function toApiTokenSummary(doc: Doc<"apiTokens">) {
  return {
    id: doc._id,
    name: doc.name,
    prefix: doc.prefix,
    createdAt: doc.createdAt,
    lastUsedAt: doc.lastUsedAt,
    revokedAt: doc.revokedAt,
  };
}

export const create = internalMutation({
  args: { ownerId: v.string(), name: v.string(), tokenHash: v.string(), prefix: v.string() },
  handler: async (ctx, { ownerId, name, tokenHash, prefix }) => {
    const owner = await requireUser(ctx, ownerId);
    const clash = await ctx.db
      .query("apiTokens")
      .withIndex("by_token_hash", (q) => q.eq("tokenHash", tokenHash))
      .first();
    if (clash) fail("conflict", "a token with this hash exists");
    const id = await ctx.db.insert("apiTokens", {
      ownerId: owner._id,
      name,
      tokenHash,
      prefix,
      createdAt: Date.now(),
      lastUsedAt: null,
      revokedAt: null,
    });
    return toApiTokenSummary((await ctx.db.get("apiTokens", id))!);
  },
});

export const list = internalQuery({
  args: { ownerId: v.string() },
  handler: async (ctx, { ownerId }) => {
    const owner = ctx.db.normalizeId("users", ownerId);
    if (owner === null) return [];
    const tokens = await ctx.db
      .query("apiTokens")
      .withIndex("by_owner", (q) => q.eq("ownerId", owner))
      .order("desc")
      .collect();
    return tokens.map(toApiTokenSummary);
  },
});

/** Revoking twice keeps the first revocation time. Another user's token is not found. */
export const revoke = internalMutation({
  args: { ownerId: v.string(), tokenId: v.string() },
  handler: async (ctx, { ownerId, tokenId }) => {
    const token = await findDocument(ctx, "apiTokens", tokenId);
    if (!token || token.ownerId !== ownerId) fail("not_found", `user ${ownerId} has no token ${tokenId}`);
    if (token.revokedAt === null) await ctx.db.patch("apiTokens", token._id, { revokedAt: Date.now() });
    return null;
  },
});

/**
 * Authenticates an API token: the token's id and its owner's account (record and credit
 * balance), everything a request needs in one call. Null for an unknown or revoked token,
 * or one whose owner is gone.
 */
export const authenticate = internalMutation({
  args: { tokenHash: v.string() },
  handler: async (ctx, { tokenHash }) => {
    const token = await ctx.db
      .query("apiTokens")
      .withIndex("by_token_hash", (q) => q.eq("tokenHash", tokenHash))
      .unique();
    if (!token || token.revokedAt !== null) return null;
    const owner = await ctx.db.get("users", token.ownerId);
    if (!owner) return null;
    const now = Date.now();
    if (token.lastUsedAt === null || now - token.lastUsedAt >= LAST_USED_RESOLUTION_MS) {
      await ctx.db.patch("apiTokens", token._id, { lastUsedAt: now });
    }
    return { tokenId: token._id, ...(await toAccount(ctx, owner)) };
  },
});
