import { describe, expect, it } from "vitest";
import { parseStat, parseVmRssKb, treeMembers } from "./process-tree.ts";

describe("parseStat", () => {
  it("reads pid, parent and group after the command name", () => {
    expect(parseStat("4242 (openclaw) S 17 4242 4242 0 -1 4194560 1234")).toEqual({ pid: 4242, ppid: 17, pgid: 4242 });
  });

  it("copes with spaces and parentheses inside the command name", () => {
    expect(parseStat("99 (node (worker) x) R 98 90 90 0")).toEqual({ pid: 99, ppid: 98, pgid: 90 });
  });
});

describe("parseVmRssKb", () => {
  it("reads the resident set", () => {
    expect(parseVmRssKb("Name:\tnode\nVmPeak:\t  900 kB\nVmRSS:\t  123456 kB\nRssAnon:\t 1 kB\n")).toBe(123456);
  });

  it("gives 0 for processes without one", () => {
    expect(parseVmRssKb("Name:\tkthreadd\nState:\tS\n")).toBe(0);
  });
});

describe("treeMembers", () => {
  const links = [
    { pid: 1, ppid: 0, pgid: 1 },
    { pid: 10, ppid: 1, pgid: 10 }, // the gateway, leading its group
    { pid: 11, ppid: 10, pgid: 10 }, // a worker in its group
    { pid: 12, ppid: 11, pgid: 12 }, // a helper that left the group
    { pid: 13, ppid: 1, pgid: 10 }, // reparented to init, still in the group
    { pid: 20, ppid: 1, pgid: 20 }, // someone else
  ];

  it("collects the group and every descendant, nothing else", () => {
    expect([...treeMembers([10], links)].sort((a, b) => a - b)).toEqual([10, 11, 12, 13]);
  });

  it("ignores roots that are gone", () => {
    expect([...treeMembers([99], links)]).toEqual([]);
  });
});
