/**
 * How the watchdog restarts a gateway that crashed: at once the first time, then with a
 * doubling delay while it keeps crashing soon after each start, capped so a tenant whose
 * gateway cannot run (a broken plugin, a full disk) is retried but never hammered. Pure.
 */
export const FIRST_RETRY_DELAY_MS = 2_000;
export const MAX_RESTART_DELAY_MS = 5 * 60_000;
/** A gateway that ran this long before crashing starts a fresh streak. */
export const STABLE_RUN_MS = 10 * 60_000;

/** Delay before the restart that follows failure number `streak` of a streak (1 = the first). */
export function restartDelayMs(streak: number): number {
  if (streak <= 1) return 0;
  return Math.min(FIRST_RETRY_DELAY_MS * 2 ** (streak - 2), MAX_RESTART_DELAY_MS);
}

/** The streak after a crash at `now`, given when the gateway last became ready. */
export function crashStreakAfter(previous: number, readyAt: number | null, now: number): number {
  return readyAt !== null && now - readyAt >= STABLE_RUN_MS ? 1 : previous + 1;
}
