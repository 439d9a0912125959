import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";

export type ProcEntry = { pid: number; ppid: number; pgrp: number; state: string };

/** Parses `/proc/<pid>/stat`; the command name may contain spaces and parentheses. */
export function parseProcStat(text: string): ProcEntry | undefined {
  const open = text.indexOf("(");
  const close = text.lastIndexOf(")");
  if (open < 0 || close < open) return undefined;
  const pid = Number(text.slice(0, open).trim());
  const [state, ppid, pgrp] = text.slice(close + 2).split(" ");
  if (!Number.isInteger(pid) || state === undefined) return undefined;
  return { pid, ppid: Number(ppid), pgrp: Number(pgrp), state };
}

/**
 * Every live process that belongs to the tree started as group leader `root`: members of
 * its process group plus all their descendants (helpers that moved to a group or session
 * of their own, e.g. spawned with `detached: true`). Zombies are already dead.
 */
export function treeMembers(entries: readonly ProcEntry[], root: number): number[] {
  const live = entries.filter((entry) => entry.state !== "Z" && entry.state !== "X");
  const members = new Set(live.filter((entry) => entry.pid === root || entry.pgrp === root).map((entry) => entry.pid));
  let grew = true;
  while (grew) {
    grew = false;
    for (const entry of live) {
      if (!members.has(entry.pid) && members.has(entry.ppid)) {
        members.add(entry.pid);
        grew = true;
      }
    }
  }
  return [...members];
}

/** Snapshot of the process table; empty where there is no procfs (macOS). Synchronous so exit handlers can use it. */
function readProcessTable(): ProcEntry[] {
  let names: string[];
  try {
    names = readdirSync("/proc");
  } catch {
    return [];
  }
  const entries: ProcEntry[] = [];
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const entry = parseProcStat(readFileSync(`/proc/${name}/stat`, "utf8"));
      if (entry) entries.push(entry);
    } catch {
      // the process exited while we were reading
    }
  }
  return entries;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
  try {
    // An unreaped zombie still answers kill(0); it is dead for our purposes.
    return parseProcStat(readFileSync(`/proc/${pid}/stat`, "utf8"))?.state !== "Z";
  } catch {
    return true; // no procfs: trust kill(0)
  }
}

function trySignal(target: number, signal: NodeJS.Signals): void {
  try {
    process.kill(target, signal);
  } catch {
    // already gone
  }
}

/**
 * Signals the whole tree of group leader `root` (the group, then each known descendant)
 * and returns the pids it found, for `waitForTreeExit`.
 */
export function signalTree(root: number, signal: NodeJS.Signals, alsoKnown: readonly number[] = []): number[] {
  const pids = [...new Set([root, ...alsoKnown, ...treeMembers(readProcessTable(), root)])];
  trySignal(-root, signal);
  for (const pid of pids) trySignal(pid, signal);
  return pids;
}

/** Resolves true once every pid is dead, false if some still live after `timeoutMs`. */
export async function waitForTreeExit(pids: readonly number[], timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (!pids.some(isAlive)) return true;
    if (Date.now() >= deadline) return false;
    await sleep(25);
  }
}

/** SIGTERM-style signal, then SIGKILL for whatever survives `graceMs`. */
export async function terminateTree(root: number, signal: NodeJS.Signals, graceMs: number): Promise<void> {
  const pids = signalTree(root, signal);
  if (signal === "SIGKILL" || (await waitForTreeExit(pids, graceMs))) return;
  const survivors = signalTree(root, "SIGKILL", pids);
  await waitForTreeExit(survivors, 2_000);
}

/** `launch` runs first and execs `argv` in its place (see home-mount.ts), so the pid stays the program's. */
export type SpawnSpec = { argv: readonly string[]; launch?: readonly string[]; cwd: string; env: Record<string, string> };

/** Starts argv without a shell as the leader of a new process group (and session). */
export function spawnGroupLeader(spec: SpawnSpec, stdin: "pipe" | "ignore"): ChildProcess {
  const [file, ...args] = [...(spec.launch ?? []), ...spec.argv];
  return spawn(file!, args, { cwd: spec.cwd, env: spec.env, detached: true, stdio: [stdin, "pipe", "pipe"] });
}

/** Shell-style exit code for a program that could not be started at all. */
export function spawnFailureExitCode(error: NodeJS.ErrnoException): number {
  return error.code === "ENOENT" ? 127 : 126;
}

export function spawnFailureMessage(program: string, error: NodeJS.ErrnoException): string {
  if (error.code === "ENOENT") return `${program}: command not found\n`;
  if (error.code === "EACCES") return `${program}: permission denied\n`;
  return `${program}: ${error.message}\n`;
}
