/**
 * Reserve, then settle: the credits held for a user's model calls in flight. A call may
 * start while what the user has left after the holds of the calls already running is above
 * zero; it then holds the most it may cost until it settles. So concurrent calls cannot
 * take the balance further below zero than one call's cost beyond what was left. Pure:
 * the per-user Durable Object (limits/user-limits.ts) keeps the state.
 */

/** How long a hold counts when its call never settles (its worker died). */
export const HOLD_TTL_MS = 15 * 60 * 1000;
/** How old the known balance may be before it is read again (in the background; grants and thread turns change it in the database). */
export const BALANCE_FRESH_MS = 30 * 1000;

export interface Hold {
  amount: number;
  expiresAt: number;
}

export interface KnownBalance {
  balance: number;
  readAt: number;
}

/** The holds that still count at `now`. */
export function liveHolds(holds: ReadonlyMap<string, Hold>, now: number): Map<string, Hold> {
  return new Map([...holds].filter(([, hold]) => hold.expiresAt > now));
}

/** What is left to spend: the known balance less every live hold and what was spent but is not in the ledger yet. */
export function available(known: KnownBalance, holds: ReadonlyMap<string, Hold>, unrecorded: number, now: number): number {
  let held = 0;
  for (const hold of liveHolds(holds, now).values()) held += hold.amount;
  return known.balance - held - unrecorded;
}

export function isStale(known: KnownBalance | null, now: number): boolean {
  return known === null || now - known.readAt > BALANCE_FRESH_MS;
}
