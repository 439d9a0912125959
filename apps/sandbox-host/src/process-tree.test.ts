import { describe, expect, it } from "vitest";
import { parseProcStat, treeMembers, type ProcEntry } from "./process-tree.ts";

describe("parseProcStat", () => {
  it("reads pid, state, ppid and pgrp even with odd command names", () => {
    expect(parseProcStat("42 (my (weird) cmd) S 7 42 42 0 -1")).toEqual({ pid: 42, ppid: 7, pgrp: 42, state: "S" });
    expect(parseProcStat("garbage")).toBeUndefined();
  });
});

describe("treeMembers", () => {
  const entry = (pid: number, ppid: number, pgrp: number, state = "S"): ProcEntry => ({ pid, ppid, pgrp, state });

  it("collects the group and descendants that left it, skipping zombies and strangers", () => {
    const table = [
      entry(1, 0, 1),
      entry(10, 1, 10), // leader
      entry(11, 10, 10), // same group
      entry(12, 10, 12), // detached helper: own group
      entry(13, 12, 12), // helper's child
      entry(14, 1, 10), // orphaned group member
      entry(15, 10, 10, "Z"), // zombie
      entry(20, 1, 20), // unrelated
    ];
    expect(treeMembers(table, 10).sort((a, b) => a - b)).toEqual([10, 11, 12, 13, 14]);
  });
});
