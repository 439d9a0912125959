import { modelCallSurface, type ModelCallSurface } from "@openclaw-cloud/contracts";
import { v } from "convex/values";
import { internalMutation, internalQuery, type MutationCtx, type QueryCtx } from "./_generated/server";
import type { Doc, Id } from "./_generated/dataModel";
import { requireUser } from "./lib/documents";
import { recordAudit } from "./audit";

const SUMMARY_ENTRIES = 20;
/** How far back the summary's usage by day goes, and how many ledger rows it reads at most for it. */
const USAGE_DAYS = 30;
const USAGE_SCAN_LIMIT = 5000;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Credits spent on one UTC day: on the person's OpenClaw (its model calls at the proxy, from
 * every surface) and on durable threads; the OpenClaw's part also by the surface each call was
 * billed to (`unrecorded`: debits from before surfaces were recorded).
 */
export type DayUsage = { day: string; openclaw: number; threads: number; openclawBySurface: Partial<Record<ModelCallSurface | "unrecorded", number>> };

/** Debits (newest first) summed by UTC day and by what they paid for, from `since` on; days without spending are left out. */
export function usageByDay(entries: readonly Pick<Doc<"creditLedger">, "delta" | "reference" | "createdAt">[], since: number): DayUsage[] {
  const days = new Map<string, DayUsage>();
  for (const { delta, reference, createdAt } of entries) {
    if (delta >= 0 || createdAt < since) continue;
    const day = new Date(createdAt).toISOString().slice(0, 10);
    const usage = days.get(day) ?? { day, openclaw: 0, threads: 0, openclawBySurface: {} };
    if (reference?.startsWith("thread-turn:")) usage.threads -= delta;
    else {
      usage.openclaw -= delta;
      const surface = modelCallSurface(reference) ?? "unrecorded";
      usage.openclawBySurface[surface] = (usage.openclawBySurface[surface] ?? 0) - delta;
    }
    days.set(day, usage);
  }
  return [...days.values()];
}

export function toLedgerEntry(doc: Doc<"creditLedger">) {
  return {
    id: doc._id,
    ownerId: doc.ownerId,
    delta: doc.delta,
    reason: doc.reason,
    reference: doc.reference,
    balanceAfter: doc.balanceAfter,
    createdAt: doc.createdAt,
  };
}

function newestFirst(ctx: QueryCtx, owner: Id<"users">) {
  return ctx.db
    .query("creditLedger")
    .withIndex("by_owner", (q) => q.eq("ownerId", owner))
    .order("desc");
}

/** The balance is the newest row's `balanceAfter`: one indexed read, never a sum. */
export async function balanceOf(ctx: QueryCtx, owner: Id<"users">): Promise<number> {
  return (await newestFirst(ctx, owner).first())?.balanceAfter ?? 0;
}

type Posting = { owner: Id<"users">; delta: number; reason: string; reference: string | null };

/**
 * Appends a row unless one with the same (owner, reference) exists, in which case that row
 * is the answer: retries of one debit or grant count once. Rows may go below zero, since
 * a debit records usage that already happened; callers check the balance before work.
 */
async function post(ctx: MutationCtx, { owner, delta, reason, reference }: Posting): Promise<{ entry: Doc<"creditLedger">; created: boolean }> {
  if (reference !== null) {
    const existing = await ctx.db
      .query("creditLedger")
      .withIndex("by_owner_reference", (q) => q.eq("ownerId", owner).eq("reference", reference))
      .first();
    if (existing) return { entry: existing, created: false };
  }
  const id = await ctx.db.insert("creditLedger", {
    ownerId: owner,
    delta,
    reason,
    reference,
    balanceAfter: (await balanceOf(ctx, owner)) + delta,
    createdAt: Date.now(),
  });
  return { entry: (await ctx.db.get("creditLedger", id))!, created: true };
}

export const grant = internalMutation({
  args: { ownerId: v.string(), amount: v.number(), reason: v.string(), actorId: v.string(), reference: v.optional(v.string()) },
  handler: async (ctx, { ownerId, amount, reason, actorId, reference }) => {
    const owner = await requireUser(ctx, ownerId);
    const { entry, created } = await post(ctx, { owner: owner._id, delta: amount, reason, reference: reference ?? null });
    if (created) {
      await recordAudit(ctx, {
        actor: actorId,
        action: "credits.grant",
        target: owner._id,
        details: { amount, reason, ledgerEntryId: entry._id, balanceAfter: entry.balanceAfter },
      });
    }
    return toLedgerEntry(entry);
  },
});

export const debit = internalMutation({
  args: { ownerId: v.string(), amount: v.number(), reason: v.string(), reference: v.string() },
  handler: async (ctx, { ownerId, amount, reason, reference }) => {
    const owner = await requireUser(ctx, ownerId);
    return toLedgerEntry((await post(ctx, { owner: owner._id, delta: -amount, reason, reference })).entry);
  },
});

/** The instance of a tenant, for meters that know the tenant and not the person. */
function instanceOfTenant(ctx: QueryCtx, tenantId: string) {
  return ctx.db
    .query("instances")
    .withIndex("by_tenant_id", (q) => q.eq("tenantId", tenantId))
    .first();
}

/** The owner of a tenant's instance: who pays for its model calls. Null when no instance has that tenant. */
export const tenantOwner = internalQuery({
  args: { tenantId: v.string() },
  handler: async (ctx, { tenantId }) => (await instanceOfTenant(ctx, tenantId))?.ownerId ?? null,
});

/**
 * Debits model calls to the owner of the tenant's instance, each once per reference (see
 * post), in one mutation for a batch (the model proxy sends a user's calls of each second
 * together); the owner's balance after them. Null when no instance has that tenant any
 * more (deleted while the calls ran).
 */
export const debitTenant = internalMutation({
  args: { tenantId: v.string(), debits: v.array(v.object({ amount: v.number(), reason: v.string(), reference: v.string() })) },
  handler: async (ctx, { tenantId, debits }) => {
    const instance = await instanceOfTenant(ctx, tenantId);
    if (!instance) return null;
    for (const { amount, reason, reference } of debits) await post(ctx, { owner: instance.ownerId, delta: -amount, reason, reference });
    return { balanceAfter: await balanceOf(ctx, instance.ownerId) };
  },
});

export const summary = internalQuery({
  args: { ownerId: v.string() },
  handler: async (ctx, { ownerId }) => {
    const owner = ctx.db.normalizeId("users", ownerId);
    if (owner === null) return { balance: 0, entries: [], usageByDay: [] };
    const recent = await newestFirst(ctx, owner).take(USAGE_SCAN_LIMIT);
    return {
      balance: recent[0]?.balanceAfter ?? 0,
      entries: recent.slice(0, SUMMARY_ENTRIES).map(toLedgerEntry),
      usageByDay: usageByDay(recent, Date.now() - USAGE_DAYS * DAY_MS),
    };
  },
});
