import { v } from "convex/values";
import { internalMutation, internalQuery, type MutationCtx } from "./_generated/server";
import type { Doc, Id } from "./_generated/dataModel";

const DEFAULT_LIST_LIMIT = 100;

/** Details stay JSON text on their way out, as in approvals.ts; the control route parses them. */
export function toAuditEntry(doc: Doc<"auditLog">) {
  return {
    id: doc._id,
    actor: doc.actor,
    action: doc.action,
    target: doc.target,
    detailsJson: doc.details,
    createdAt: doc.createdAt,
  };
}

type AuditRow = { actor: string; action: string; target: string; details: string | null };

async function insertAuditRow(ctx: MutationCtx, row: AuditRow): Promise<Id<"auditLog">> {
  return await ctx.db.insert("auditLog", { ...row, createdAt: Date.now() });
}

export type AuditRecord = Omit<AuditRow, "details"> & { details?: unknown };

/** Admin mutations call this so the action and its audit entry commit together or not at all. */
export async function recordAudit(ctx: MutationCtx, { details, ...record }: AuditRecord): Promise<void> {
  await insertAuditRow(ctx, { ...record, details: details === undefined ? null : JSON.stringify(details) });
}

export const append = internalMutation({
  // details arrives as JSON text: its keys need not be valid Convex field names.
  args: { actor: v.string(), action: v.string(), target: v.string(), detailsJson: v.optional(v.string()) },
  handler: async (ctx, { detailsJson, ...record }) => {
    const id = await insertAuditRow(ctx, { ...record, details: detailsJson ?? null });
    return toAuditEntry((await ctx.db.get("auditLog", id))!);
  },
});

export const list = internalQuery({
  args: { limit: v.optional(v.number()) },
  handler: async (ctx, { limit }) => {
    const entries = await ctx.db
      .query("auditLog")
      .order("desc")
      .take(limit ?? DEFAULT_LIST_LIMIT);
    return entries.map(toAuditEntry);
  },
});
