import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeDevConfig } from "./dev-config.ts";

describe("writeDevConfig", () => {
  it("resolves main against the source and merges vars over the config's own", () => {
    const dir = mkdtempSync(join(tmpdir(), "dev-config-"));
    const source = join(dir, "wrangler.dev.jsonc");
    writeFileSync(source, `// c\n{ "$schema": "x", "name": "w", "main": "src/index.ts", "vars": { "A": "1", "B": "2" } }`);
    const out = writeDevConfig(source, dir, { B: "3", C: "4" });
    expect(JSON.parse(readFileSync(out, "utf8"))).toEqual({ name: "w", main: join(dir, "src/index.ts"), vars: { A: "1", B: "3", C: "4" } });
  });
});
