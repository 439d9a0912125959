import { v } from "convex/values";
import { internalMutation, internalQuery, type MutationCtx, type QueryCtx } from "./_generated/server";
import type { Doc, Id } from "./_generated/dataModel";
import { requireUser } from "./lib/documents";
import { recordAudit } from "./audit";

const SUMMARY_ENTRIES = 20;

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

/** How long a reservation holds credits when its call never settles. */
const RESERVATION_TTL_MS = 15 * 60 * 1000;

/**
 * Reserve, then settle: before a model call of a tenant, what its owner has left after the
 * calls still in flight (their reservations) decides. Nothing left: refused, nothing held.
 * Otherwise `amount` (the call's most it may cost, as the caller estimates it) is held
 * until the call settles. So concurrent calls cannot take the balance further below zero
 * than one call's overrun of its estimate. Expired reservations are dropped on the way.
 * Null when no instance has that tenant (nobody to bill).
 */
export const reserveForTenant = internalMutation({
  args: { tenantId: v.string(), amount: v.number() },
  handler: async (ctx, { tenantId, amount }) => {
    const instance = await instanceOfTenant(ctx, tenantId);
    if (!instance) return null;
    const owner = instance.ownerId;
    const now = Date.now();
    let held = 0;
    for (const reservation of await ctx.db
      .query("creditReservations")
      .withIndex("by_owner", (q) => q.eq("ownerId", owner))
      .collect()) {
      if (reservation.expiresAt <= now) await ctx.db.delete("creditReservations", reservation._id);
      else held += reservation.amount;
    }
    const balance = await balanceOf(ctx, owner);
    const available = balance - held;
    if (available <= 0) return { admitted: false as const, balance, available };
    const reservationId = await ctx.db.insert("creditReservations", { ownerId: owner, amount, expiresAt: now + RESERVATION_TTL_MS });
    return { admitted: true as const, balance, available, reservationId: reservationId as string };
  },
});

/** Ends a reservation without a debit (the call failed or cost nothing). */
export const releaseReservation = internalMutation({
  args: { reservationId: v.string() },
  handler: async (ctx, { reservationId }) => {
    const id = ctx.db.normalizeId("creditReservations", reservationId);
    if (id && (await ctx.db.get("creditReservations", id))) await ctx.db.delete("creditReservations", id);
    return null;
  },
});

/**
 * Settles a model call: debits it to the owner of the tenant's instance, once per reference
 * (see post), and ends its reservation. Null when no instance has that tenant any more.
 */
export const debitTenant = internalMutation({
  args: { tenantId: v.string(), amount: v.number(), reason: v.string(), reference: v.string(), reservationId: v.optional(v.string()) },
  handler: async (ctx, { tenantId, amount, reason, reference, reservationId }) => {
    const id = reservationId === undefined ? null : ctx.db.normalizeId("creditReservations", reservationId);
    if (id && (await ctx.db.get("creditReservations", id))) await ctx.db.delete("creditReservations", id);
    const instance = await instanceOfTenant(ctx, tenantId);
    if (!instance) return null;
    return toLedgerEntry((await post(ctx, { owner: instance.ownerId, delta: -amount, reason, reference })).entry);
  },
});

export const summary = internalQuery({
  args: { ownerId: v.string() },
  handler: async (ctx, { ownerId }) => {
    const owner = ctx.db.normalizeId("users", ownerId);
    if (owner === null) return { balance: 0, entries: [] };
    const entries = await newestFirst(ctx, owner).take(SUMMARY_ENTRIES);
    return { balance: entries[0]?.balanceAfter ?? 0, entries: entries.map(toLedgerEntry) };
  },
});
