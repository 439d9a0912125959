import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { CONVEX_DIR, convexModules, functionModulePaths } from "./convex-modules.ts";

/** What `convex codegen` names a module in api.d.ts: its path without extension. */
function importPath(modulePath: string): string {
  return modulePath.replace(/\.[^./]+$/, "");
}

describe("convex/_generated is in step with convex/", () => {
  const apiDts = readFileSync(join(CONVEX_DIR, "_generated", "api.d.ts"), "utf8");
  const modules = functionModulePaths();

  test("Convex deploys the expected kinds of files", () => {
    expect(modules).toContain("http.ts");
    expect(modules).toContain("lib/rpc.ts");
    expect(modules.filter((path) => path.includes(".test.") || path.startsWith("_generated/") || path === "schema.ts")).toEqual([]);
  });

  test("every function module, and nothing else, is in api.d.ts", () => {
    const imported = [...apiDts.matchAll(/^import type \* as \w+ from "\.\.\/(.+)\.js";$/gm)].map((match) => match[1]);
    const listed = [...apiDts.matchAll(/^ {2}"?([\w/]+)"?: typeof \w+;$/gm)].map((match) => match[1]);
    const expected = modules.map(importPath);
    expect(imported).toEqual(expected);
    expect(listed).toEqual(expected);
  });

  test("the modules map covers the generated code and every function module", () => {
    const keys = Object.keys(convexModules()).map((path) => path.slice(CONVEX_DIR.length));
    expect(keys).toEqual(["_generated/api.js", "_generated/server.js", ...modules]);
  });
});
