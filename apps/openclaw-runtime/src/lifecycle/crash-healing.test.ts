import { describe, expect, it } from "vitest";
import { MAX_RESTART_DELAY_MS, STABLE_RUN_MS, crashStreakAfter, restartDelayMs } from "./crash-healing.ts";

describe("crash healing", () => {
  it("restarts at once, then backs off doubling up to a cap", () => {
    expect([1, 2, 3, 4].map(restartDelayMs)).toEqual([0, 2_000, 4_000, 8_000]);
    expect(restartDelayMs(40)).toBe(MAX_RESTART_DELAY_MS);
  });

  it("grows the streak for crashes soon after a start and resets it after a stable run", () => {
    expect(crashStreakAfter(0, 1_000, 2_000)).toBe(1);
    expect(crashStreakAfter(1, 1_000, 2_000)).toBe(2);
    expect(crashStreakAfter(3, null, 2_000)).toBe(4);
    expect(crashStreakAfter(5, 0, STABLE_RUN_MS)).toBe(1);
  });
});
