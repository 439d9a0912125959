import { RuntimeError } from "../http/errors.ts";
import type { ProxyPass } from "../http/proxy-ticket.ts";

/**
 * What the tenant remembers of the proxy tickets used on it, so a ticket works once:
 * - a `control-ui` ticket opens the Control UI once; a second use is refused.
 * - a `device` ticket is claimed by the first device that connects with it (by the device
 *   id in its `connect` frame, which the gateway makes it prove with its key). Only that
 *   device may use it again, as nodes do for every reconnect, and for DEVICE_CLAIM_MS after
 *   its last connection; any other device is refused.
 * Records are kept until the ticket (or the claim) has expired and pruned on the next write.
 */
export interface TicketRecord {
  purpose: "device" | "control-ui";
  /** After this (epoch ms) the record no longer matters: the ticket or claim has expired. */
  keepUntil: number;
  /** The device that claimed a device ticket. */
  deviceId?: string;
}

/** How long a claimed device ticket keeps admitting its device after the device last connected. */
export const DEVICE_CLAIM_MS = 30 * 24 * 60 * 60 * 1000;

export type TicketDecision = { ok: true; record: TicketRecord | null } | { ok: false; error: RuntimeError };

const used = () => new RuntimeError("ticket_used", 401, "this ticket was already used; make a new link");
const expired = () => new RuntimeError("ticket_expired", 401, "this ticket has expired; make a new link");

/** Opening the Control UI with a ticket: once, before it expires. Pure. */
export function redeemControlUiTicket(record: TicketRecord | undefined, pass: ProxyPass, now: number): TicketDecision {
  if (record) return { ok: false, error: used() };
  if (now >= pass.expiresAt) return { ok: false, error: expired() };
  return { ok: true, record: { purpose: "control-ui", keepUntil: pass.expiresAt } };
}

/** A WebSocket upgrade with a device ticket: an unclaimed ticket before it expires, or a live claim. Pure. */
export function admitDeviceTicket(record: TicketRecord | undefined, pass: ProxyPass, now: number): TicketDecision {
  if (record?.purpose === "control-ui") return { ok: false, error: used() };
  if (now >= (record ? record.keepUntil : pass.expiresAt)) return { ok: false, error: expired() };
  return { ok: true, record: null };
}

/**
 * The device's `connect` frame: the first device claims the ticket, the same device renews
 * its claim, any other is refused. The upgrade was admitted a moment ago, so expiry is not
 * judged again here. Pure.
 */
export function claimDeviceTicket(record: TicketRecord | undefined, deviceId: string, now: number): TicketDecision {
  if (record && (record.purpose !== "device" || record.deviceId !== deviceId)) return { ok: false, error: used() };
  return { ok: true, record: { purpose: "device", deviceId, keepUntil: now + DEVICE_CLAIM_MS } };
}

const PREFIX = "proxy-ticket:";

/** The ledger in the tenant's Durable Object storage; each method throws the refusal as a RuntimeError. */
export class TicketLedger {
  readonly #storage: DurableObjectStorage;

  constructor(storage: DurableObjectStorage) {
    this.#storage = storage;
  }

  redeemControlUi(pass: ProxyPass): Promise<void> {
    return this.#apply(pass.id, (record, now) => redeemControlUiTicket(record, pass, now));
  }

  admitDevice(pass: ProxyPass): Promise<void> {
    return this.#apply(pass.id, (record, now) => admitDeviceTicket(record, pass, now));
  }

  claimDevice(pass: ProxyPass, deviceId: string): Promise<void> {
    return this.#apply(pass.id, (record, now) => claimDeviceTicket(record, deviceId, now));
  }

  // A Durable Object runs one event at a time and its storage calls hold the input gate, so
  // two uses of one ticket cannot both read an empty record.
  async #apply(id: string, decide: (record: TicketRecord | undefined, now: number) => TicketDecision): Promise<void> {
    const now = Date.now();
    const decision = decide(await this.#storage.get<TicketRecord>(PREFIX + id), now);
    if (!decision.ok) throw decision.error;
    if (!decision.record) return;
    await this.#storage.put(PREFIX + id, decision.record);
    const stale = [...(await this.#storage.list<TicketRecord>({ prefix: PREFIX })).entries()].filter(([, r]) => r.keepUntil <= now).map(([key]) => key);
    if (stale.length) await this.#storage.delete(stale);
  }
}
