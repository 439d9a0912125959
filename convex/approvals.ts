import { v } from "convex/values";
import { internalMutation, internalQuery } from "./_generated/server";
import type { Doc } from "./_generated/dataModel";
import { approvalStatus } from "./schema";
import { findDocument, requireUser } from "./lib/documents";
import { fail } from "./lib/errors";
import { recordAudit } from "./audit";

/**
 * The payload stays JSON text on its way out too (a function's return value is a Convex
 * value, with the same field name rules); the control route parses it.
 */
export function toApproval(doc: Doc<"approvals">) {
  return {
    id: doc._id,
    ownerId: doc.ownerId,
    kind: doc.kind,
    payloadJson: doc.payload,
    status: doc.status,
    requestedBy: doc.requestedBy,
    requestedAt: doc.requestedAt,
    resolvedBy: doc.resolvedBy,
    resolvedAt: doc.resolvedAt,
  };
}

export const create = internalMutation({
  // The payload arrives as JSON text: its keys need not be valid Convex field names.
  args: { ownerId: v.string(), kind: v.string(), payloadJson: v.string(), requestedBy: v.string() },
  handler: async (ctx, { ownerId, kind, payloadJson, requestedBy }) => {
    const owner = await requireUser(ctx, ownerId);
    const id = await ctx.db.insert("approvals", {
      ownerId: owner._id,
      kind,
      payload: payloadJson,
      status: "pending",
      requestedBy,
      requestedAt: Date.now(),
      resolvedBy: null,
      resolvedAt: null,
    });
    return toApproval((await ctx.db.get("approvals", id))!);
  },
});

/** Newest first. */
export const list = internalQuery({
  args: { ownerId: v.string(), status: v.optional(approvalStatus) },
  handler: async (ctx, { ownerId, status }) => {
    const owner = ctx.db.normalizeId("users", ownerId);
    if (owner === null) return [];
    const approvals = status
      ? ctx.db.query("approvals").withIndex("by_owner_status", (q) => q.eq("ownerId", owner).eq("status", status))
      : ctx.db.query("approvals").withIndex("by_owner", (q) => q.eq("ownerId", owner));
    return (await approvals.order("desc").collect()).map(toApproval);
  },
});

/** One approval of its owner, or null (another user's, unknown, or a malformed id alike). */
export const get = internalQuery({
  args: { ownerId: v.string(), approvalId: v.string() },
  handler: async (ctx, { ownerId, approvalId }) => {
    const approval = await findDocument(ctx, "approvals", approvalId);
    return approval && approval.ownerId === ownerId ? toApproval(approval) : null;
  },
});

/** A decision is final: resolving an approval twice is a conflict, not a change of mind. */
export const resolve = internalMutation({
  args: { ownerId: v.string(), approvalId: v.string(), approved: v.boolean(), resolvedBy: v.string() },
  handler: async (ctx, { ownerId, approvalId, approved, resolvedBy }) => {
    const approval = await findDocument(ctx, "approvals", approvalId);
    if (!approval || approval.ownerId !== ownerId) fail("not_found", `user ${ownerId} has no approval ${approvalId}`);
    if (approval.status !== "pending") fail("conflict", `approval ${approvalId} is already ${approval.status}`);
    await ctx.db.patch("approvals", approval._id, {
      status: approved ? "approved" : "rejected",
      resolvedBy,
      resolvedAt: Date.now(),
    });
    await recordAudit(ctx, {
      actor: resolvedBy,
      action: approved ? "approval.approve" : "approval.reject",
      target: approval._id,
      details: { ownerId, kind: approval.kind },
    });
    return toApproval((await ctx.db.get("approvals", approval._id))!);
  },
});
