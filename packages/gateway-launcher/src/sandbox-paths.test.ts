import { describe, expect, it } from "vitest";
import { UsageError } from "./errors.ts";
import { isWithin, resolveInSandbox, sandboxPaths } from "./sandbox-paths.ts";

const HOME = "/home/openclaw";

describe("sandboxPaths", () => {
  it("keeps state, config and restore scratch under the home", () => {
    expect(sandboxPaths(HOME)).toEqual({
      home: HOME,
      stateDir: "/home/openclaw/openclaw",
      configPath: "/home/openclaw/openclaw/openclaw.json",
      restoreDir: "/home/openclaw/restore",
      latestArchive: "/home/openclaw/restore/latest.tar.gz",
    });
  });
});

describe("resolveInSandbox", () => {
  it.each([
    ["backups/a.tar.gz", "/home/openclaw/backups/a.tar.gz"],
    ["./restore/../backups/b.tar.gz", "/home/openclaw/backups/b.tar.gz"],
    ["/home/openclaw/restore/latest.tar.gz", "/home/openclaw/restore/latest.tar.gz"],
    ["..backup.tar.gz", "/home/openclaw/..backup.tar.gz"],
  ])("resolves %s inside the home", (requested, path) => {
    expect(resolveInSandbox(HOME, requested)).toBe(path);
  });

  it.each(["../etc/passwd", "backups/../../x.tar.gz", "/etc/passwd", "/home/openclaw-other/a.tar.gz", ".", "/home/openclaw", "a\0b"])("refuses %j", (requested) => {
    expect(() => resolveInSandbox(HOME, requested)).toThrow(UsageError);
  });
});

describe("isWithin", () => {
  it("compares whole path segments", () => {
    expect(isWithin("/a/b", "/a/b")).toBe(true);
    expect(isWithin("/a/b", "/a/b/c")).toBe(true);
    expect(isWithin("/a/b", "/a/bc")).toBe(false);
    expect(isWithin("/a/b", "/a")).toBe(false);
  });
});
