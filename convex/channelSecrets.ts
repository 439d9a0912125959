import { v } from "convex/values";
import { internalMutation, internalQuery, type QueryCtx } from "./_generated/server";
import type { Doc } from "./_generated/dataModel";
import { channelName } from "./schema";
import { requireUser } from "./lib/documents";
import { fail } from "./lib/errors";

/**
 * A channel's secret (a Telegram bot token) is sealed and opened in the HTTP actions
 * (lib/secretBox.ts), as provider keys are; these functions only ever see ciphertext.
 * `sealedForGateway` is the one that returns it, for the call that configures a gateway.
 */
export function toChannelSummary(doc: Doc<"channelSecrets">) {
  return { channel: doc.channel, last4: doc.last4, updatedAt: doc.updatedAt };
}

async function secretsOf(ctx: QueryCtx, ownerId: string): Promise<Doc<"channelSecrets">[]> {
  const owner = ctx.db.normalizeId("users", ownerId);
  if (owner === null) return [];
  return await ctx.db
    .query("channelSecrets")
    .withIndex("by_owner_channel", (q) => q.eq("ownerId", owner))
    .collect();
}

export const store = internalMutation({
  args: { ownerId: v.string(), channel: channelName, ciphertext: v.bytes(), iv: v.bytes(), last4: v.string() },
  handler: async (ctx, { ownerId, channel, ...sealed }) => {
    const owner = await requireUser(ctx, ownerId);
    const existing = await ctx.db
      .query("channelSecrets")
      .withIndex("by_owner_channel", (q) => q.eq("ownerId", owner._id).eq("channel", channel))
      .unique();
    const fields = { ...sealed, updatedAt: Date.now() };
    let id = existing?._id;
    if (id) await ctx.db.patch("channelSecrets", id, fields);
    else id = await ctx.db.insert("channelSecrets", { ownerId: owner._id, channel, ...fields });
    return toChannelSummary((await ctx.db.get("channelSecrets", id))!);
  },
});

export const remove = internalMutation({
  args: { ownerId: v.string(), channel: channelName },
  handler: async (ctx, { ownerId, channel }) => {
    const secret = (await secretsOf(ctx, ownerId)).find((doc) => doc.channel === channel);
    if (!secret) fail("not_found", `user ${ownerId} has no ${channel} channel`);
    await ctx.db.delete("channelSecrets", secret._id);
    return null;
  },
});

export const list = internalQuery({
  args: { ownerId: v.string() },
  handler: async (ctx, { ownerId }) => (await secretsOf(ctx, ownerId)).map(toChannelSummary),
});

export const sealedForGateway = internalQuery({
  args: { ownerId: v.string() },
  handler: async (ctx, { ownerId }) => (await secretsOf(ctx, ownerId)).map((doc) => ({ channel: doc.channel, ciphertext: doc.ciphertext, iv: doc.iv })),
});
