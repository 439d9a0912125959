import { describe, expect, it } from "vitest";
import { CountedLeases } from "./counted-leases.ts";

describe("counted leases", () => {
  it("count each lease once, per key, until released", () => {
    const leases = new CountedLeases<number>();
    const a = leases.acquire(1);
    const b = leases.acquire(1);
    leases.acquire(2);
    expect([leases.count(1), leases.count(2), leases.keys()]).toEqual([2, 1, [1, 2]]);
    expect(a()).toBe(true);
    expect(a()).toBe(false);
    expect(leases.count(1)).toBe(1);
    b();
    expect([leases.count(1), leases.keys()]).toEqual([0, [2]]);
  });
});
