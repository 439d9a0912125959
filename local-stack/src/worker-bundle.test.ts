import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { REPO_ROOT } from "./repo.ts";
import { bundledWorkerOptions } from "./worker-bundle.ts";

describe("bundledWorkerOptions", () => {
  const config = join(REPO_ROOT, "apps/openclaw-runtime/wrangler.dev.jsonc");
  const options = bundledWorkerOptions(config, "openclaw-runtime", "/state/worker-bundles/openclaw-runtime/index.js");

  test("runs the bundle as one module, rooted at its own directory", () => {
    expect(options).toMatchObject({
      name: "openclaw-runtime",
      modules: true,
      modulesRoot: "/state/worker-bundles/openclaw-runtime",
      scriptPath: "/state/worker-bundles/openclaw-runtime/index.js",
    });
    expect(options).not.toHaveProperty("modulesRules");
    expect(options).not.toHaveProperty("rootPath");
  });

  test("keeps the config's bindings as wrangler translates them", () => {
    expect(options).toMatchObject({
      compatibilityDate: "2026-10-01",
      compatibilityFlags: ["nodejs_compat"],
      durableObjects: { TENANT_RUNTIME: { className: "TenantRuntime" } },
      bindings: { BACKUP_RETENTION: "7" },
    });
    expect(Object.keys(options.r2Buckets as object)).toEqual(["BACKUPS"]);
  });
});
