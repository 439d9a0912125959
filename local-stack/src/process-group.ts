import type { ChildProcess } from "node:child_process";

/**
 * A child started in its own process group must not outlive this process even when it
 * dies without running its shutdown (an uncaught error, a signal npm does not forward):
 * the group gets SIGKILL from a synchronous exit hook unless it was stopped before.
 */
const groupsToKillOnExit = new Set<number>();
process.on("exit", () => {
  for (const pid of groupsToKillOnExit) {
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
});

export function killGroupOnExit(child: ChildProcess): void {
  if (child.pid) groupsToKillOnExit.add(child.pid);
}

/** SIGTERM to the whole group, SIGKILL if it lingers. */
export async function stopProcessGroup(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.pid) groupsToKillOnExit.delete(child.pid);
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      // already gone
    }
  }, graceMs);
  await exited;
  clearTimeout(timer);
}
