/**
 * When the next scheduled backup is due. A failed backup is tried again soon, then with a
 * doubling delay capped at the normal interval: a sandbox whose backups keep failing (a
 * full disk, a broken state) is neither hammered nor given up on. Pure.
 */
export const FIRST_BACKUP_RETRY_MS = 60_000;

/** What the status shows about backups that failed since the last one that worked. */
export interface BackupFailure {
  /** Epoch ms of the latest failure. */
  at: number;
  message: string;
  /** Failures in a row. */
  count: number;
}

export function nextBackupAt(lastScheduledBackup: number, intervalMs: number, failure: BackupFailure | null): number {
  if (failure === null) return lastScheduledBackup + intervalMs;
  return failure.at + Math.min(FIRST_BACKUP_RETRY_MS * 2 ** (failure.count - 1), intervalMs);
}

export function backupFailed(previous: BackupFailure | null, message: string, now: number): BackupFailure {
  return { at: now, message, count: (previous?.count ?? 0) + 1 };
}
