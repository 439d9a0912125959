import { describe, expect, it } from "vitest";
import { FIRST_BACKUP_RETRY_MS, backupFailed, nextBackupAt } from "./backup-schedule.ts";

const HOUR = 60 * 60_000;

describe("scheduled backups", () => {
  it("come one interval after the last one when none failed", () => {
    expect(nextBackupAt(1_000, 6 * HOUR, null)).toBe(1_000 + 6 * HOUR);
  });

  it("after failures are retried with a doubling delay from the latest failure, never more than an interval apart", () => {
    let failure = backupFailed(null, "disk full", 10_000);
    expect(failure).toEqual({ at: 10_000, message: "disk full", count: 1 });
    expect(nextBackupAt(0, 6 * HOUR, failure)).toBe(10_000 + FIRST_BACKUP_RETRY_MS);
    failure = backupFailed(failure, "disk full", 20_000);
    expect(nextBackupAt(0, 6 * HOUR, failure)).toBe(20_000 + 2 * FIRST_BACKUP_RETRY_MS);
    for (let i = 0; i < 20; i++) failure = backupFailed(failure, "disk full", 30_000);
    expect(failure.count).toBe(22);
    expect(nextBackupAt(0, 6 * HOUR, failure)).toBe(30_000 + 6 * HOUR);
  });
});
