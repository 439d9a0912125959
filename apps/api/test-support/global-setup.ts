// Starts what the workerd unit tests talk to over loopback: the local Convex (the real
// functions, fresh data per run) and the WorkOS stand-in. Their URLs reach the tests
// through vitest's provide/inject.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import type { TestProject } from "vitest/node";
import "../src/test-harness-context.ts";
// The Convex part only: these set-ups run with the workers project's resolve conditions,
// under which the whole stack (the sandbox host's Node-only imports) does not load.
import { startLocalConvexProcess } from "@openclaw-cloud/local-stack/convex";
import { startWorkosStandIn } from "@openclaw-cloud/workos-auth/testing";

export const CONVEX_CONTROL_KEY = "unit-test-control-key";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = mkdtempSync(join(tmpdir(), "occ-api-unit-"));
  const convex = await startLocalConvexProcess({
    // vitest.config.ts chose it: the workers' CONVEX_URL binding names it.
    port: Number(process.env.API_UNIT_CONVEX_PORT) || 0,
    dataFile: join(dir, "convex.json"),
    controlKey: CONVEX_CONTROL_KEY,
    env: { OPENCLAW_ENCRYPTION_KEY: randomBytes(32).toString("base64") },
  });
  const workos = await startWorkosStandIn();
  project.provide("convexUrl", convex.url);
  project.provide("workos", { url: workos.url, clientId: workos.clientId, apiKey: workos.apiKey });
  return async () => {
    await Promise.all([convex.stop(), workos.close()]);
    rmSync(dir, { recursive: true, force: true });
  };
}
