import { v } from "convex/values";
import { internalMutation, internalQuery, type QueryCtx } from "./_generated/server";
import type { Doc } from "./_generated/dataModel";
import { userRole } from "./schema";
import { findDocument, requireUser } from "./lib/documents";
import { recordAudit } from "./audit";
import { balanceOf } from "./credits";

export function toUser(doc: Doc<"users">) {
  return {
    id: doc._id,
    workosUserId: doc.workosUserId,
    email: doc.email,
    name: doc.name,
    role: doc.role,
    accessEnabled: doc.accessEnabled,
    accessChangedBy: doc.accessChangedBy,
    accessChangedAt: doc.accessChangedAt,
    createdAt: doc.createdAt,
  };
}

/**
 * A user's record with their current credit balance: what authenticating a request
 * needs (access, role, the credit check of a turn), read in the same transaction.
 */
export async function toAccount(ctx: QueryCtx, doc: Doc<"users">) {
  return { user: toUser(doc), balance: await balanceOf(ctx, doc._id) };
}

export async function usersWithEmail(ctx: QueryCtx, email: string): Promise<Doc<"users">[]> {
  return await ctx.db
    .query("users")
    .withIndex("by_email", (q) => q.eq("email", email))
    .collect();
}

async function userByWorkosId(ctx: QueryCtx, workosUserId: string): Promise<Doc<"users"> | null> {
  return await ctx.db
    .query("users")
    .withIndex("by_workos_user_id", (q) => q.eq("workosUserId", workosUserId))
    .unique();
}

/**
 * Sign-in calls this every time, and gets the user's account back. A new user whose email
 * was approved on the waitlist starts with access; everyone else waits for an admin.
 */
export const upsert = internalMutation({
  args: { workosUserId: v.string(), email: v.string(), name: v.optional(v.string()) },
  handler: async (ctx, { workosUserId, email, name }) => {
    const existing = await userByWorkosId(ctx, workosUserId);
    if (existing) {
      await ctx.db.patch("users", existing._id, { email, ...(name === undefined ? {} : { name }) });
      return await toAccount(ctx, (await ctx.db.get("users", existing._id))!);
    }
    const approvedEntry = await ctx.db
      .query("waitlist")
      .withIndex("by_email", (q) => q.eq("email", email))
      .filter((q) => q.eq(q.field("approved"), true))
      .first();
    const now = Date.now();
    const id = await ctx.db.insert("users", {
      workosUserId,
      email,
      name: name ?? null,
      role: "user",
      accessEnabled: approvedEntry !== null,
      accessChangedBy: approvedEntry?.approvedBy ?? null,
      accessChangedAt: approvedEntry ? now : null,
      createdAt: now,
    });
    return await toAccount(ctx, (await ctx.db.get("users", id))!);
  },
});

export const getAccount = internalQuery({
  args: { userId: v.string() },
  handler: async (ctx, { userId }) => {
    const user = await findDocument(ctx, "users", userId);
    return user && (await toAccount(ctx, user));
  },
});

export const getAccountByWorkosId = internalQuery({
  args: { workosUserId: v.string() },
  handler: async (ctx, { workosUserId }) => {
    const user = await userByWorkosId(ctx, workosUserId);
    return user && (await toAccount(ctx, user));
  },
});

export const getByEmail = internalQuery({
  args: { email: v.string() },
  handler: async (ctx, { email }) => {
    const [user] = await usersWithEmail(ctx, email);
    return user ? toUser(user) : null;
  },
});

export const list = internalQuery({
  args: {},
  handler: async (ctx) => (await ctx.db.query("users").collect()).map(toUser),
});

export const setAccess = internalMutation({
  args: { userId: v.string(), enabled: v.boolean(), actorId: v.string() },
  handler: async (ctx, { userId, enabled, actorId }) => {
    const user = await requireUser(ctx, userId);
    await ctx.db.patch("users", user._id, { accessEnabled: enabled, accessChangedBy: actorId, accessChangedAt: Date.now() });
    await recordAudit(ctx, {
      actor: actorId,
      action: enabled ? "user.access.enable" : "user.access.disable",
      target: user._id,
      details: { email: user.email },
    });
    return toUser((await ctx.db.get("users", user._id))!);
  },
});

export const setRole = internalMutation({
  args: { userId: v.string(), role: userRole, actorId: v.string() },
  handler: async (ctx, { userId, role, actorId }) => {
    const user = await requireUser(ctx, userId);
    await ctx.db.patch("users", user._id, { role });
    await recordAudit(ctx, { actor: actorId, action: "user.role.set", target: user._id, details: { email: user.email, role } });
    return toUser((await ctx.db.get("users", user._id))!);
  },
});
