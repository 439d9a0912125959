import { DurableObject } from "cloudflare:workers";
import { createConvexClient } from "@openclaw-cloud/convex-client";
import { HOLD_TTL_MS, available, isStale, liveHolds, type Hold, type KnownBalance } from "../billing/credit-holds.ts";
import { DebitQueue, type Debit } from "../billing/debit-queue.ts";
import type { ApiEnv } from "../env.ts";
import { takeToken, type BucketConfig, type BucketState } from "./token-bucket.ts";

/**
 * The longest a provisioning slot is held if its holder never releases it (a worker
 * evicted mid-provision): beyond the runtime's gateway start timeout.
 */
const PROVISIONING_LEASE_MS = 5 * 60 * 1000;
/** Provisioning usually finishes within ~15 s; clients are told to look again then. */
export const PROVISIONING_RETRY_AFTER_SECONDS = 10;

export interface LimitAnswer {
  allowed: boolean;
  retryAfterSeconds: number;
}

interface ProvisioningLease {
  id: string;
  expiresAt: number;
}

/** What a call is told when it may not start for want of credits. */
export type CreditHold = { held: true; holdId: string } | { held: false; balance: number };

const HOLD_PREFIX = "hold:";
/** How long a change to the holds may wait to reach storage, batched with the others of that moment. */
const HOLD_WRITE_DELAY_MS = 1000;

/**
 * One per user: a request token bucket (in memory: losing it on eviction only forgives
 * a few requests), the user's single provisioning slot (stored, so it survives eviction
 * until its lease runs out), the credits held for the user's model calls in flight
 * (billing/credit-holds.ts; stored within HOLD_WRITE_DELAY_MS, the known balance only in
 * memory), and the debits of calls done on their way to the ledger (billing/debit-queue.ts,
 * sent by the alarm). Holding and settling credits here, beside the model proxy, keeps the
 * database off the path of every model call.
 */
export class UserLimits extends DurableObject<ApiEnv> {
  #bucket: BucketState | null = null;
  #known: KnownBalance | null = null;
  #holds = new Map<string, Hold>();
  /** Hold changes storage has not seen yet: the hold to write, or null to delete it (see #writeHoldsSoon). */
  readonly #holdsToWrite = new Map<string, Hold | null>();
  #writeTimer: ReturnType<typeof setTimeout> | null = null;
  /** How many sends of debits have answered: a balance read that overlapped one is older than what it brought. */
  #debitSends = 0;
  readonly #debits = new DebitQueue(
    this.ctx.storage,
    async (tenantId, debits) => (await this.#convex().debitTenant({ tenantId, debits }))?.balanceAfter ?? null,
    (balanceAfter) => {
      this.#debitSends++;
      if (balanceAfter !== null) this.#known = { balance: balanceAfter, readAt: Date.now() };
    },
  );

  constructor(ctx: DurableObjectState, env: ApiEnv) {
    super(ctx, env);
    ctx.blockConcurrencyWhile(async () => {
      for (const [key, hold] of await ctx.storage.list<Hold>({ prefix: HOLD_PREFIX })) this.#holds.set(key.slice(HOLD_PREFIX.length), hold);
      await this.#debits.load();
    });
  }

  override async alarm(): Promise<void> {
    await this.#debits.sendWaiting();
  }

  takeRequest(config: BucketConfig): LimitAnswer {
    const result = takeToken(this.#bucket, Date.now(), config);
    this.#bucket = result.state;
    return { allowed: result.allowed, retryAfterSeconds: result.retryAfterSeconds };
  }

  /** A lease id when the slot was free; null when another provisioning holds it. */
  async acquireProvisioning(): Promise<string | null> {
    const now = Date.now();
    const current = await this.ctx.storage.get<ProvisioningLease>("provisioning");
    if (current && current.expiresAt > now) return null;
    const lease = { id: crypto.randomUUID(), expiresAt: now + PROVISIONING_LEASE_MS };
    await this.ctx.storage.put("provisioning", lease);
    return lease.id;
  }

  async releaseProvisioning(leaseId: string): Promise<void> {
    const current = await this.ctx.storage.get<ProvisioningLease>("provisioning");
    if (current?.id === leaseId) await this.ctx.storage.delete("provisioning");
  }

  /**
   * Holds `amount` credits for a model call of `ownerId` if anything is left after the
   * calls in flight. The known balance is used as it is and read again in the background
   * when old; only a first call, or one that would be refused, waits for the database
   * (a grant may have come in since).
   */
  async holdCredits(ownerId: string, amount: number): Promise<CreditHold> {
    if (this.#known === null) await this.#readBalance(ownerId);
    else if (isStale(this.#known, Date.now())) this.ctx.waitUntil(this.#readBalance(ownerId).catch(() => {}));
    if (this.#available(Date.now()) <= 0) await this.#readBalance(ownerId);
    const now = Date.now();
    this.#dropExpiredHolds(now);
    if (this.#available(now) <= 0) return { held: false, balance: this.#known!.balance - this.#debits.waiting() };
    const holdId = crypto.randomUUID();
    const hold = { amount, expiresAt: now + HOLD_TTL_MS };
    this.#holds.set(holdId, hold);
    this.#holdsToWrite.set(holdId, hold);
    this.#writeHoldsSoon();
    return { held: true, holdId };
  }

  /** Ends a call's hold; its debit counts against the balance at once and reaches the ledger with the others of its second. */
  settleCall(holdId: string, debit: Debit | null): void {
    if (debit) this.#debits.add(debit);
    this.#forget(holdId);
  }

  #available(now: number): number {
    return available(this.#known!, this.#holds, this.#debits.waiting(), now);
  }

  /** Holds whose calls never settled stop counting when they expire; they go from storage too, not only from memory. */
  #dropExpiredHolds(now: number): void {
    const live = liveHolds(this.#holds, now);
    for (const holdId of [...this.#holds.keys()]) if (!live.has(holdId)) this.#forget(holdId);
  }

  #forget(holdId: string): void {
    if (!this.#holds.delete(holdId)) return;
    // A hold not yet written needs no write at all: most calls settle within HOLD_WRITE_DELAY_MS.
    if (this.#holdsToWrite.get(holdId)) this.#holdsToWrite.delete(holdId);
    else this.#holdsToWrite.set(holdId, null);
    this.#writeHoldsSoon();
  }

  /**
   * Holds count in memory from the moment they are made, which is what the next call reads;
   * storage only lets them outlive an eviction. So changes reach it in one batch at most
   * HOLD_WRITE_DELAY_MS later, not as two writes on every model call's path (a Durable
   * Object lost in between forgets the holds of its last moment, as an unconfirmed write would).
   */
  #writeHoldsSoon(): void {
    if (this.#holdsToWrite.size === 0 || this.#writeTimer !== null) return;
    this.#writeTimer = setTimeout(() => {
      this.#writeTimer = null;
      const changes = [...this.#holdsToWrite];
      this.#holdsToWrite.clear();
      this.#writeHolds(changes).catch((error: unknown) => console.error("writing credit holds failed", error instanceof Error ? error.message : String(error)));
    }, HOLD_WRITE_DELAY_MS);
  }

  async #writeHolds(changes: Array<[string, Hold | null]>): Promise<void> {
    const puts = changes.filter((change): change is [string, Hold] => change[1] !== null).map(([holdId, hold]) => [`${HOLD_PREFIX}${holdId}`, hold] as const);
    const deletes = changes.filter(([, hold]) => hold === null).map(([holdId]) => `${HOLD_PREFIX}${holdId}`);
    // Storage writes and deletes at most 128 keys at once.
    for (let i = 0; i < puts.length; i += 128) await this.ctx.storage.put(Object.fromEntries(puts.slice(i, i + 128)), { allowUnconfirmed: true });
    for (let i = 0; i < deletes.length; i += 128) await this.ctx.storage.delete(deletes.slice(i, i + 128), { allowUnconfirmed: true });
  }

  async #readBalance(ownerId: string): Promise<void> {
    const sendsBefore = this.#debitSends;
    const account = await this.#convex().getAccount(ownerId);
    // A send of debits that answered meanwhile brought a balance at least as new, and one that
    // matches what still waits; this read may predate its debits.
    if (this.#known === null || this.#debitSends === sendsBefore) this.#known = { balance: account?.balance ?? 0, readAt: Date.now() };
  }

  #convex() {
    return createConvexClient({ url: this.env.CONVEX_URL, controlKey: this.env.CONVEX_CONTROL_KEY });
  }
}
