/** Something that runs and can be signalled: a sandbox process, as the driver sees it. */
export interface Signallable {
  signal(signal: "SIGTERM" | "SIGKILL"): Promise<void>;
  isRunning(): Promise<boolean>;
}

export interface StopTiming {
  /** Time to leave a SIGTERM before SIGKILL (default 5 s, as the local sandbox host). */
  graceMs?: number;
  pollMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * SIGTERM, then SIGKILL for a process still running after the grace period; resolves once it
 * is gone (or SIGKILL has had a few seconds). Why not SIGTERM alone: OpenClaw's graceful
 * shutdown may take its whole budget (330 s) — a gateway whose Telegram channel cannot
 * reach Telegram never finishes it — and the next start would meet the old gateway still
 * holding the port. The local sandbox host escalates the same way.
 */
export async function stopWithGrace(target: Signallable, timing: StopTiming = {}): Promise<void> {
  const { graceMs = 5_000, pollMs = 200, now = Date.now, sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)) } = timing;
  await target.signal("SIGTERM");
  if (await waitUntilGone(target, graceMs, pollMs, now, sleep)) return;
  await target.signal("SIGKILL");
  await waitUntilGone(target, 5_000, pollMs, now, sleep);
}

async function waitUntilGone(target: Signallable, timeoutMs: number, pollMs: number, now: () => number, sleep: (ms: number) => Promise<void>): Promise<boolean> {
  const deadline = now() + timeoutMs;
  for (;;) {
    if (!(await target.isRunning())) return true;
    if (now() >= deadline) return false;
    await sleep(pollMs);
  }
}
