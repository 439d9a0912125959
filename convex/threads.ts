import { v } from "convex/values";
import { internalMutation, internalQuery } from "./_generated/server";
import type { Doc } from "./_generated/dataModel";
import { threadKind } from "./schema";
import { findDocument, requireUser } from "./lib/documents";
import { fail } from "./lib/errors";

export function toThread(doc: Doc<"threads">) {
  return {
    id: doc._id,
    ownerId: doc.ownerId,
    title: doc.title,
    kind: doc.kind,
    archived: doc.archived,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}

export const create = internalMutation({
  args: { ownerId: v.string(), title: v.string(), kind: threadKind },
  handler: async (ctx, { ownerId, title, kind }) => {
    const owner = await requireUser(ctx, ownerId);
    const now = Date.now();
    const id = await ctx.db.insert("threads", {
      ownerId: owner._id,
      title,
      kind,
      archived: false,
      createdAt: now,
      updatedAt: now,
    });
    return toThread((await ctx.db.get("threads", id))!);
  },
});

/** Most recently updated first, archived ones included (they carry `archived: true`). */
export const list = internalQuery({
  args: { ownerId: v.string() },
  handler: async (ctx, { ownerId }) => {
    const owner = ctx.db.normalizeId("users", ownerId);
    if (owner === null) return [];
    const threads = await ctx.db
      .query("threads")
      .withIndex("by_owner_updated", (q) => q.eq("ownerId", owner))
      .order("desc")
      .collect();
    return threads.map(toThread);
  },
});

export const update = internalMutation({
  args: { ownerId: v.string(), threadId: v.string(), title: v.optional(v.string()), archived: v.optional(v.boolean()) },
  handler: async (ctx, { ownerId, threadId, ...changes }) => {
    const thread = await findDocument(ctx, "threads", threadId);
    if (!thread || thread.ownerId !== ownerId) fail("not_found", `user ${ownerId} has no thread ${threadId}`);
    await ctx.db.patch("threads", thread._id, { ...changes, updatedAt: Date.now() });
    return toThread((await ctx.db.get("threads", thread._id))!);
  },
});

/** One thread of its owner, or null (another user's, unknown, or a malformed id alike). */
export const get = internalQuery({
  args: { ownerId: v.string(), threadId: v.string() },
  handler: async (ctx, { ownerId, threadId }) => {
    const thread = await findDocument(ctx, "threads", threadId);
    return thread && thread.ownerId === ownerId ? toThread(thread) : null;
  },
});

/**
 * A finished turn, in one write: bumps `updatedAt` and, while the thread still has its
 * default title (`untitled`), names it `suggestedTitle`. The check and the rename are one
 * transaction, so a rename by the person in between is never overwritten.
 */
export const recordTurn = internalMutation({
  args: { ownerId: v.string(), threadId: v.string(), untitled: v.string(), suggestedTitle: v.optional(v.string()) },
  handler: async (ctx, { ownerId, threadId, untitled, suggestedTitle }) => {
    const thread = await findDocument(ctx, "threads", threadId);
    if (!thread || thread.ownerId !== ownerId) fail("not_found", `user ${ownerId} has no thread ${threadId}`);
    const rename = suggestedTitle !== undefined && thread.title === untitled;
    await ctx.db.patch("threads", thread._id, { updatedAt: Date.now(), ...(rename ? { title: suggestedTitle } : {}) });
    return toThread((await ctx.db.get("threads", thread._id))!);
  },
});
