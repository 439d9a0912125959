import { v } from "convex/values";
import { internalMutation, internalQuery, type QueryCtx } from "./_generated/server";
import type { Doc } from "./_generated/dataModel";
import { modelProvider } from "./schema";
import { requireUser } from "./lib/documents";
import { fail } from "./lib/errors";

/**
 * Keys are sealed and opened in the HTTP actions (lib/secretBox.ts); these functions only
 * ever see ciphertext. `sealedForGateway` is the one function that returns it, and only
 * the control route that hands keys to a gateway calls it.
 */
export function toProviderKeySummary(doc: Doc<"providerKeys">) {
  return { provider: doc.provider, last4: doc.last4, baseUrl: doc.baseUrl, updatedAt: doc.updatedAt };
}

async function keysOf(ctx: QueryCtx, ownerId: string): Promise<Doc<"providerKeys">[]> {
  const owner = ctx.db.normalizeId("users", ownerId);
  if (owner === null) return [];
  return await ctx.db
    .query("providerKeys")
    .withIndex("by_owner_provider", (q) => q.eq("ownerId", owner))
    .collect();
}

export const store = internalMutation({
  args: {
    ownerId: v.string(),
    provider: modelProvider,
    ciphertext: v.bytes(),
    iv: v.bytes(),
    last4: v.string(),
    baseUrl: v.union(v.string(), v.null()),
  },
  handler: async (ctx, { ownerId, provider, ...sealed }) => {
    const owner = await requireUser(ctx, ownerId);
    const existing = await ctx.db
      .query("providerKeys")
      .withIndex("by_owner_provider", (q) => q.eq("ownerId", owner._id).eq("provider", provider))
      .unique();
    const fields = { ...sealed, updatedAt: Date.now() };
    let id = existing?._id;
    if (id) await ctx.db.patch("providerKeys", id, fields);
    else id = await ctx.db.insert("providerKeys", { ownerId: owner._id, provider, ...fields });
    return toProviderKeySummary((await ctx.db.get("providerKeys", id))!);
  },
});

export const remove = internalMutation({
  args: { ownerId: v.string(), provider: modelProvider },
  handler: async (ctx, { ownerId, provider }) => {
    const key = (await keysOf(ctx, ownerId)).find((doc) => doc.provider === provider);
    if (!key) fail("not_found", `user ${ownerId} has no ${provider} key`);
    await ctx.db.delete("providerKeys", key._id);
    return null;
  },
});

export const list = internalQuery({
  args: { ownerId: v.string() },
  handler: async (ctx, { ownerId }) => (await keysOf(ctx, ownerId)).map(toProviderKeySummary),
});

export const sealedForGateway = internalQuery({
  args: { ownerId: v.string() },
  handler: async (ctx, { ownerId }) =>
    (await keysOf(ctx, ownerId)).map((doc) => ({
      provider: doc.provider,
      baseUrl: doc.baseUrl,
      ciphertext: doc.ciphertext,
      iv: doc.iv,
    })),
});
