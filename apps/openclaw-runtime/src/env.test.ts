import { describe, expect, it } from "vitest";
import { runtimeSettings } from "./env.ts";

describe("runtimeSettings", () => {
  it("uses defaults for missing or bad values", () => {
    expect(runtimeSettings({ IDLE_SLEEP_SECONDS: "abc", BACKUP_RETENTION: "-1" })).toEqual({
      idleSleepMs: 1_800_000,
      backupIntervalMs: 21_600_000,
      backupRetention: 7,
      gatewayStartTimeoutMs: 90_000,
      watchdogIntervalMs: 5_000,
    });
  });
  it("reads configured values", () => {
    expect(runtimeSettings({ IDLE_SLEEP_SECONDS: "5", BACKUP_INTERVAL_SECONDS: "60", BACKUP_RETENTION: "3", GATEWAY_START_TIMEOUT_SECONDS: "20", WATCHDOG_INTERVAL_SECONDS: "2" })).toEqual({
      idleSleepMs: 5000,
      backupIntervalMs: 60_000,
      backupRetention: 3,
      gatewayStartTimeoutMs: 20_000,
      watchdogIntervalMs: 2_000,
    });
  });
});
