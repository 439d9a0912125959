import { v } from "convex/values";
import { internalMutation, internalQuery } from "./_generated/server";
import type { Doc } from "./_generated/dataModel";
import { findDocument } from "./lib/documents";
import { fail } from "./lib/errors";
import { recordAudit } from "./audit";
import { usersWithEmail } from "./users";

export function toWaitlistEntry(doc: Doc<"waitlist">) {
  return {
    id: doc._id,
    email: doc.email,
    note: doc.note,
    approved: doc.approved,
    approvedBy: doc.approvedBy,
    approvedAt: doc.approvedAt,
    createdAt: doc.createdAt,
  };
}

/** Joining twice is harmless: the first entry, with its note and decision, stands. */
export const join = internalMutation({
  args: { email: v.string(), note: v.optional(v.string()) },
  handler: async (ctx, { email, note }) => {
    const existing = await ctx.db
      .query("waitlist")
      .withIndex("by_email", (q) => q.eq("email", email))
      .first();
    if (existing) return toWaitlistEntry(existing);
    const id = await ctx.db.insert("waitlist", {
      email,
      note: note || null,
      approved: false,
      approvedBy: null,
      approvedAt: null,
      createdAt: Date.now(),
    });
    return toWaitlistEntry((await ctx.db.get("waitlist", id))!);
  },
});

/** A person's own entry (by their email), to show them that they are waiting. */
export const getByEmail = internalQuery({
  args: { email: v.string() },
  handler: async (ctx, { email }) => {
    const entry = await ctx.db
      .query("waitlist")
      .withIndex("by_email", (q) => q.eq("email", email))
      .first();
    return entry ? toWaitlistEntry(entry) : null;
  },
});

export const list = internalQuery({
  args: {},
  handler: async (ctx) => (await ctx.db.query("waitlist").collect()).map(toWaitlistEntry),
});

/**
 * Approving (or revoking) an entry also turns access on (or off) for users who already
 * signed in with that email; later sign-ins pick it up in `users.upsert`.
 * `approvedBy`/`approvedAt` record who last decided, either way.
 */
export const setApproval = internalMutation({
  args: { entryId: v.string(), approved: v.boolean(), actorId: v.string() },
  handler: async (ctx, { entryId, approved, actorId }) => {
    const entry = (await findDocument(ctx, "waitlist", entryId)) ?? fail("not_found", `no waitlist entry ${entryId}`);
    const now = Date.now();
    await ctx.db.patch("waitlist", entry._id, { approved, approvedBy: actorId, approvedAt: now });
    const users = await usersWithEmail(ctx, entry.email);
    for (const user of users) {
      await ctx.db.patch("users", user._id, { accessEnabled: approved, accessChangedBy: actorId, accessChangedAt: now });
    }
    await recordAudit(ctx, {
      actor: actorId,
      action: approved ? "waitlist.approve" : "waitlist.revoke",
      target: entry._id,
      details: { email: entry.email, userIds: users.map((user) => user._id) },
    });
    return toWaitlistEntry((await ctx.db.get("waitlist", entry._id))!);
  },
});
