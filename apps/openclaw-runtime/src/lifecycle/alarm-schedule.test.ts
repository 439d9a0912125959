import { describe, expect, it } from "vitest";
import { nextAlarmAt, sandboxSleepAfterSeconds, type AlarmFacts } from "./alarm-schedule.ts";

const MINUTE = 60_000;
const settings = { idleSleepMs: 30 * MINUTE, backupIntervalMs: 360 * MINUTE, watchdogIntervalMs: 5_000 };
const state = (name: AlarmFacts["state"]["name"]) => ({ name, since: 0, lastError: null, lastErrorAt: null, readyAt: null });
const facts = (patch: Partial<AlarmFacts>): AlarmFacts => ({ state: state("running"), lastActivity: 0, lastScheduledBackup: 0, backupFailure: null, restartAt: null, ...patch });

describe("the tenant's next alarm", () => {
  it("for a running gateway is the watchdog's tick when nothing else comes sooner", () => {
    expect(nextAlarmAt(facts({ lastActivity: 1_000 }), settings, 2_000)).toBe(7_000);
  });

  it("for a running gateway comes at idle sleep or a due backup when they are sooner than the tick", () => {
    expect(nextAlarmAt(facts({ lastActivity: 0 }), { ...settings, idleSleepMs: 1_000 }, 500)).toBe(1_000);
    expect(nextAlarmAt(facts({ lastActivity: 10 * MINUTE, lastScheduledBackup: 0 }), { ...settings, backupIntervalMs: 2_000 }, 1_000)).toBe(2_000);
  });

  it("for a tenant in error is its restart or its idle sleep, whichever comes first", () => {
    expect(nextAlarmAt(facts({ state: state("error"), lastActivity: 0, restartAt: 9_000 }), settings, 1_000)).toBe(9_000);
    expect(nextAlarmAt(facts({ state: state("error"), lastActivity: 0 }), settings, 1_000)).toBe(30 * MINUTE);
  });

  it("is not needed while asleep or absent", () => {
    expect(nextAlarmAt(facts({ state: state("sleeping") }), settings, 0)).toBeNull();
    expect(nextAlarmAt(facts({ state: state("absent") }), settings, 0)).toBeNull();
  });
});

describe("the SDK's own sleepAfter", () => {
  it("never comes before the runtime's idle sleep", () => {
    for (const idle of [1_000, 30 * MINUTE, 24 * 60 * MINUTE]) expect(sandboxSleepAfterSeconds(idle) * 1000).toBeGreaterThan(idle);
  });
});
