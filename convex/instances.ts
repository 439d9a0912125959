import { v } from "convex/values";
import { internalMutation, internalQuery, type QueryCtx } from "./_generated/server";
import type { Doc } from "./_generated/dataModel";
import { instanceStatus, modelProvider } from "./schema";
import { requireUser } from "./lib/documents";
import { fail } from "./lib/errors";

export function toInstance(doc: Doc<"instances">) {
  return {
    id: doc._id,
    ownerId: doc.ownerId,
    tenantId: doc.tenantId,
    status: doc.status,
    openclawVersion: doc.openclawVersion,
    provider: doc.provider,
    model: doc.model,
    lastError: doc.lastError,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}

/** One instance per user; an owner id that names no user simply has none. */
async function instanceOf(ctx: QueryCtx, ownerId: string): Promise<Doc<"instances"> | null> {
  const owner = ctx.db.normalizeId("users", ownerId);
  if (owner === null) return null;
  return await ctx.db
    .query("instances")
    .withIndex("by_owner", (q) => q.eq("ownerId", owner))
    .unique();
}

async function requireInstance(ctx: QueryCtx, ownerId: string): Promise<Doc<"instances">> {
  return (await instanceOf(ctx, ownerId)) ?? fail("not_found", `user ${ownerId} has no instance`);
}

export const get = internalQuery({
  args: { ownerId: v.string() },
  handler: async (ctx, { ownerId }) => {
    const instance = await instanceOf(ctx, ownerId);
    return instance && toInstance(instance);
  },
});

export const create = internalMutation({
  args: { ownerId: v.string(), tenantId: v.string(), provider: modelProvider, model: v.string() },
  handler: async (ctx, { ownerId, tenantId, provider, model }) => {
    const owner = await requireUser(ctx, ownerId);
    if (await instanceOf(ctx, ownerId)) fail("conflict", `user ${ownerId} already has an instance`);
    const tenantTaken = await ctx.db
      .query("instances")
      .withIndex("by_tenant_id", (q) => q.eq("tenantId", tenantId))
      .first();
    if (tenantTaken) fail("conflict", `tenant id ${tenantId} is taken`);
    const now = Date.now();
    const id = await ctx.db.insert("instances", {
      ownerId: owner._id,
      tenantId,
      status: "provisioning",
      openclawVersion: null,
      provider,
      model,
      lastError: null,
      createdAt: now,
      updatedAt: now,
    });
    return toInstance((await ctx.db.get("instances", id))!);
  },
});

export const update = internalMutation({
  args: {
    ownerId: v.string(),
    status: v.optional(instanceStatus),
    openclawVersion: v.optional(v.union(v.string(), v.null())),
    lastError: v.optional(v.union(v.string(), v.null())),
  },
  handler: async (ctx, { ownerId, ...changes }) => {
    const instance = await requireInstance(ctx, ownerId);
    await ctx.db.patch("instances", instance._id, { ...changes, updatedAt: Date.now() });
    return toInstance((await ctx.db.get("instances", instance._id))!);
  },
});

export const remove = internalMutation({
  args: { ownerId: v.string() },
  handler: async (ctx, { ownerId }) => {
    const instance = await requireInstance(ctx, ownerId);
    await ctx.db.delete("instances", instance._id);
    return null;
  },
});

export const list = internalQuery({
  args: {},
  handler: async (ctx) => (await ctx.db.query("instances").collect()).map(toInstance),
});
