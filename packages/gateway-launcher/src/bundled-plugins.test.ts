import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { BUNDLED_PLUGIN_IDS } from "@openclaw-cloud/contracts";
import { BASE_PLUGIN_IDS } from "@openclaw-cloud/gateway-config";
import { describe, expect, it } from "vitest";
import { resolveOpenclaw } from "./openclaw-cli.ts";

/** Tenant settings may only name plugins that ship inside the installed openclaw package. */
describe("bundled plugin ids", () => {
  const extensions = join(dirname(resolveOpenclaw().entry), "dist", "extensions");
  const installed = readdirSync(extensions)
    .map((dir) => join(extensions, dir, "openclaw.plugin.json"))
    .filter((manifest) => existsSync(manifest))
    .map((manifest) => (JSON.parse(readFileSync(manifest, "utf8")) as { id: string }).id)
    .sort();

  it("match the plugins bundled with the installed openclaw", () => {
    expect([...BUNDLED_PLUGIN_IDS].sort()).toEqual(installed);
  });

  it("include the platform's base set", () => {
    for (const id of BASE_PLUGIN_IDS) expect(installed).toContain(id);
  });
});
