import { describe, expect, it } from "vitest";
import { BALANCE_FRESH_MS, available, isStale, liveHolds, type Hold } from "./credit-holds.ts";

describe("credit holds", () => {
  const now = 1_000_000;
  const holds = new Map<string, Hold>([
    ["a", { amount: 80, expiresAt: now + 1 }],
    ["b", { amount: 30, expiresAt: now }], // expired: a call that never settled
  ]);

  it("leave what the balance has after the live holds", () => {
    expect(available({ balance: 100, readAt: now }, holds, 0, now)).toBe(20);
    expect(available({ balance: 100, readAt: now }, new Map(), 0, now)).toBe(100);
    // Spending the ledger does not have yet counts as well.
    expect(available({ balance: 100, readAt: now }, holds, 15, now)).toBe(5);
    expect([...liveHolds(holds, now).keys()]).toEqual(["a"]);
  });

  it("read the balance again once it is old", () => {
    expect(isStale(null, now)).toBe(true);
    expect(isStale({ balance: 1, readAt: now - BALANCE_FRESH_MS }, now)).toBe(false);
    expect(isStale({ balance: 1, readAt: now - BALANCE_FRESH_MS - 1 }, now)).toBe(true);
  });
});
