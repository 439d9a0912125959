import { mkdtemp, mkdir, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertRealPathWithin, isWithin, parseRelativePath, resolveSandboxPath } from "./paths.ts";

describe("parseRelativePath", () => {
  it("normalises harmless segments", () => {
    expect(parseRelativePath("a/./b//c.txt")).toEqual(["a", "b", "c.txt"]);
    expect(parseRelativePath("")).toEqual([]);
    expect(parseRelativePath(".")).toEqual([]);
    expect(parseRelativePath("a..b/..c")).toEqual(["a..b", "..c"]);
  });

  it.each(["/etc/passwd", "../x", "a/../../x", "a/..", "a\0b"])("rejects %j", (raw) => {
    expect(() => parseRelativePath(raw)).toThrow(expect.objectContaining({ code: "invalid_path", status: 400 }));
  });
});

describe("isWithin", () => {
  it("checks containment by whole segments", () => {
    expect(isWithin("/a/home", "/a/home")).toBe(true);
    expect(isWithin("/a/home", "/a/home/x")).toBe(true);
    expect(isWithin("/a/home", "/a/homestead")).toBe(false);
    expect(isWithin("/a/home", "/a")).toBe(false);
  });
});

describe("resolveSandboxPath", () => {
  let root: string;
  let home: string;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "sandbox-paths-"));
    home = join(root, "home");
    await mkdir(join(home, "dir"), { recursive: true });
    await writeFile(join(root, "secret.txt"), "outside");
    await symlink(root, join(home, "escape"));
    await symlink(join(root, "secret.txt"), join(home, "secret-link"));
    await symlink(join(home, "dir"), join(home, "inner-link"));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it("resolves paths below the home, including not-yet-existing ones", async () => {
    const resolved = await resolveSandboxPath(home, "dir/new/file.txt");
    expect(resolved.relative).toBe("dir/new/file.txt");
    expect(resolved.absolute.endsWith("/home/dir/new/file.txt")).toBe(true);
  });

  it("allows symlinks that stay inside", async () => {
    await expect(resolveSandboxPath(home, "inner-link/x.txt")).resolves.toBeDefined();
  });

  it("rejects a parent symlink escaping the home", async () => {
    await expect(resolveSandboxPath(home, "escape/secret.txt")).rejects.toMatchObject({ code: "invalid_path" });
    await expect(resolveSandboxPath(home, "escape/not/yet/there.txt")).rejects.toMatchObject({ code: "invalid_path" });
  });

  it("rejects reading through a final symlink that escapes", async () => {
    const resolved = await resolveSandboxPath(home, "secret-link");
    await expect(assertRealPathWithin(home, resolved.absolute)).rejects.toMatchObject({ code: "invalid_path" });
  });
});
