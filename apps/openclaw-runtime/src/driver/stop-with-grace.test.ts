import { describe, expect, it } from "vitest";
import { stopWithGrace, type Signallable } from "./stop-with-grace.ts";

/** A process that exits `exitsAfterMs` after the given signal (never, when absent), on a fake clock. */
function fakeProcess(exitsAfter: Partial<Record<"SIGTERM" | "SIGKILL", number>>) {
  let clock = 0;
  let exitAt = Number.POSITIVE_INFINITY;
  const signals: string[] = [];
  const target: Signallable = {
    signal: async (signal) => {
      signals.push(signal);
      const after = exitsAfter[signal];
      if (after !== undefined) exitAt = Math.min(exitAt, clock + after);
    },
    isRunning: async () => clock < exitAt,
  };
  const timing = { now: () => clock, sleep: async (ms: number) => void (clock += ms) };
  return { target, timing, signals, elapsed: () => clock };
}

describe("stopWithGrace", () => {
  it("stops at SIGTERM when the process exits within the grace period", async () => {
    const process = fakeProcess({ SIGTERM: 1_000 });
    await stopWithGrace(process.target, process.timing);
    expect(process.signals).toEqual(["SIGTERM"]);
    expect(process.elapsed()).toBeLessThan(2_000);
  });

  it("sends SIGKILL to a process that outlives the grace period (a gateway stuck in its 330 s shutdown)", async () => {
    const process = fakeProcess({ SIGTERM: 330_000, SIGKILL: 0 });
    await stopWithGrace(process.target, { ...process.timing, graceMs: 5_000 });
    expect(process.signals).toEqual(["SIGTERM", "SIGKILL"]);
    expect(process.elapsed()).toBeGreaterThanOrEqual(5_000);
    expect(process.elapsed()).toBeLessThan(6_000);
    expect(await process.target.isRunning()).toBe(false);
  });
});
