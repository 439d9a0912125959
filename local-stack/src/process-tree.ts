import { readdirSync, readFileSync } from "node:fs";

/** What /proc/<pid>/stat says about a process's place in the tree. */
export interface ProcessLink {
  pid: number;
  ppid: number;
  pgid: number;
}

/**
 * Parses /proc/<pid>/stat. The command name sits in parentheses and may itself contain
 * spaces or ")", so fields are counted from the last ")".
 */
export function parseStat(stat: string): ProcessLink {
  const close = stat.lastIndexOf(")");
  const pid = Number(stat.slice(0, stat.indexOf("(")).trim());
  const [, ppid, pgid] = stat.slice(close + 2).split(" ");
  if (!Number.isInteger(pid) || ppid === undefined || pgid === undefined) throw new Error(`unreadable stat line: ${stat.slice(0, 80)}`);
  return { pid, ppid: Number(ppid), pgid: Number(pgid) };
}

/** VmRSS of /proc/<pid>/status in kB; kernel threads have none. */
export function parseVmRssKb(status: string): number {
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
  return match ? Number(match[1]) : 0;
}

/**
 * The roots, their process groups and every descendant: all processes a gateway owns,
 * including helpers that left its group but are still its children.
 */
export function treeMembers(roots: readonly number[], links: readonly ProcessLink[]): Set<number> {
  const groups = new Set(links.filter((link) => roots.includes(link.pid)).map((link) => link.pgid));
  const members = new Set(roots.filter((pid) => links.some((link) => link.pid === pid)));
  for (const link of links) if (groups.has(link.pgid)) members.add(link.pid);
  for (let grew = true; grew; ) {
    grew = false;
    for (const link of links) {
      if (!members.has(link.pid) && members.has(link.ppid)) {
        members.add(link.pid);
        grew = true;
      }
    }
  }
  return members;
}

/** Resident memory (MB) summed over the roots' trees, and how many processes that is, read from /proc now. */
export function treeRss(roots: readonly number[]): { rssMb: number; processes: number } {
  const members = treeMembers(roots, processLinks());
  let kb = 0;
  for (const pid of members) kb += parseVmRssKb(readProc(`/proc/${pid}/status`) ?? "");
  return { rssMb: kb / 1024, processes: members.size };
}

/** Every process's place in the tree, read from /proc now. */
export function processLinks(): ProcessLink[] {
  const links: ProcessLink[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readProc(`/proc/${name}/stat`);
    if (stat) links.push(parseStat(stat));
  }
  return links;
}

/** A process may exit between listing /proc and reading it. */
function readProc(path: string): string | null {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return null;
  }
}

/** The pids of `root`'s descendants whose command name (/proc/<pid>/comm) is `name`. */
export function descendantsNamed(root: number, name: string): number[] {
  const below = treeMembers([root], processLinks());
  below.delete(root);
  return [...below].filter((pid) => readProc(`/proc/${pid}/comm`)?.trim() === name);
}

/** VmRSS (MB) of one process, 0 when it is gone. */
export function processRssMb(pid: number): number {
  return parseVmRssKb(readProc(`/proc/${pid}/status`) ?? "") / 1024;
}
