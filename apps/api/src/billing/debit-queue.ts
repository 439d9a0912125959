import { MAX_TENANT_DEBITS, type RpcArgs } from "@openclaw-cloud/convex-client";

/** A model call's charge on its way to the ledger: to the owner of `tenantId`'s instance, once per `reference`. */
export interface Debit {
  tenantId: string;
  amount: number;
  reason: string;
  reference: string;
}

/** Puts debits of one tenant in the ledger (as `debitTenant` takes them); the owner's balance after them, or null when the tenant has no instance any more. */
export type SendDebits = (tenantId: string, debits: RpcArgs<"debitTenant">["debits"]) => Promise<number | null>;

const DEBIT_PREFIX = "debit:";
/** How long a debit waits to be sent together with the others of that moment. */
export const DEBIT_SEND_DELAY_MS = 1000;
/** The longest wait between tries while the ledger does not take the debits. */
const MAX_RETRY_MS = 60_000;

/**
 * One user's model-call debits on their way to the ledger (Convex), sent in batches by the
 * Durable Object's alarm: a busy user costs the database one call a second instead of one
 * per model call, and settling a call waits for no database. A debit is stored as it comes
 * (an object lost before its alarm leaves it to the next, which the alarm wakes), counts
 * against the balance until the ledger has it (`waiting`), and is tried again with backoff
 * while the ledger fails. The ledger counts a reference once, so a batch sent twice is
 * charged once.
 */
export class DebitQueue {
  readonly #storage: DurableObjectStorage;
  readonly #send: SendDebits;
  readonly #sent: (balanceAfter: number | null) => void;
  readonly #waiting = new Map<string, Debit>();
  #alarmDue = false;
  #failures = 0;

  /** `sent` hears each send's balance in the same step as its debits stop waiting. */
  constructor(storage: DurableObjectStorage, send: SendDebits, sent: (balanceAfter: number | null) => void) {
    this.#storage = storage;
    this.#send = send;
    this.#sent = sent;
  }

  /** Picks up what a previous object left unsent (call while the object blocks its events). */
  async load(): Promise<void> {
    for (const [key, debit] of await this.#storage.list<Debit>({ prefix: DEBIT_PREFIX })) this.#waiting.set(key.slice(DEBIT_PREFIX.length), debit);
    this.#alarmDue = (await this.#storage.getAlarm()) !== null;
    if (this.#waiting.size > 0 && !this.#alarmDue) this.#sendIn(DEBIT_SEND_DELAY_MS);
  }

  /** Credits spent that the ledger does not have yet. */
  waiting(): number {
    let total = 0;
    for (const debit of this.#waiting.values()) total += debit.amount;
    return total;
  }

  add(debit: Debit): void {
    if (this.#waiting.has(debit.reference)) return;
    this.#waiting.set(debit.reference, debit);
    void this.#storage.put(`${DEBIT_PREFIX}${debit.reference}`, debit, { allowUnconfirmed: true });
    if (!this.#alarmDue) this.#sendIn(DEBIT_SEND_DELAY_MS);
  }

  /** The alarm's work: one send per tenant of what waits now (the rest, or a failed send, goes at the next alarm). */
  async sendWaiting(): Promise<void> {
    this.#alarmDue = false;
    const byTenant = new Map<string, Debit[]>();
    for (const debit of this.#waiting.values()) {
      const batch = byTenant.get(debit.tenantId);
      if (!batch) byTenant.set(debit.tenantId, [debit]);
      else if (batch.length < MAX_TENANT_DEBITS) batch.push(debit);
    }
    let failed = false;
    for (const [tenantId, batch] of byTenant) {
      let balanceAfter: number | null;
      try {
        balanceAfter = await this.#send(
          tenantId,
          batch.map(({ amount, reason, reference }) => ({ amount, reason, reference })),
        );
      } catch (error) {
        failed = true;
        console.error("sending model call debits failed; trying again", tenantId, batch.length, error instanceof Error ? error.message : String(error));
        continue;
      }
      for (const { reference } of batch) this.#waiting.delete(reference);
      this.#sent(balanceAfter);
      void this.#storage.delete(
        batch.map(({ reference }) => `${DEBIT_PREFIX}${reference}`),
        { allowUnconfirmed: true },
      );
    }
    this.#failures = failed ? this.#failures + 1 : 0;
    if (this.#waiting.size > 0) this.#sendIn(failed ? Math.min(MAX_RETRY_MS, DEBIT_SEND_DELAY_MS * 2 ** this.#failures) : DEBIT_SEND_DELAY_MS);
  }

  #sendIn(delayMs: number): void {
    this.#alarmDue = true;
    void this.#storage.setAlarm(Date.now() + delayMs);
  }
}
