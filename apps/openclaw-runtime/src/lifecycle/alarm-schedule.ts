/**
 * When the tenant's alarm runs next, and when its sandbox may be reclaimed by the SDK on its
 * own. One alarm serves the watchdog, crash restarts, scheduled backups and idle sleep. Pure.
 */
import type { RuntimeSettings } from "../env.ts";
import { nextBackupAt, type BackupFailure } from "./backup-schedule.ts";
import type { TenantState } from "./tenant-state.ts";

export interface AlarmFacts {
  state: TenantState;
  /** Epoch ms of the last request, stream or relay activity. */
  lastActivity: number;
  lastScheduledBackup: number;
  backupFailure: BackupFailure | null;
  /** When a crashed gateway is to be restarted; null when none is pending. */
  restartAt: number | null;
}

type AlarmSettings = Pick<RuntimeSettings, "idleSleepMs" | "backupIntervalMs" | "watchdogIntervalMs">;

/** The earliest of: the watchdog's tick, a pending restart, idle sleep, a scheduled backup. Null: no alarm needed. */
export function nextAlarmAt(facts: AlarmFacts, settings: AlarmSettings, now: number): number | null {
  const sleepAt = facts.lastActivity + settings.idleSleepMs;
  if (facts.state.name === "running") {
    return Math.min(sleepAt, nextBackupAt(facts.lastScheduledBackup, settings.backupIntervalMs, facts.backupFailure), now + settings.watchdogIntervalMs);
  }
  return facts.state.name === "error" ? Math.min(sleepAt, facts.restartAt ?? Number.POSITIVE_INFINITY) : null;
}

/**
 * The SDK stops a container after this long without a request to it. The runtime sleeps an
 * idle tenant itself (backup first), so this only catches a container the runtime forgot,
 * and must never come before the runtime's own idle sleep.
 */
export function sandboxSleepAfterSeconds(idleSleepMs: number): number {
  return Math.ceil((idleSleepMs * 2) / 1000) + 600;
}
