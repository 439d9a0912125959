// Starts what the workerd tests reach over loopback on the ports vitest.config.ts chose:
// the real local Convex (fresh data per run), the repo's model server, and a probe that
// says how many model requests the server has streamed (counted from its delta events),
// so a test can tell that a refused turn never reached the model.
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
// The Convex part only: these set-ups run with the workers project's resolve conditions,
// under which the whole stack (the sandbox host's Node-only imports) does not load.
import { startLocalConvexProcess } from "@openclaw-cloud/local-stack/convex";
import { startModelServer } from "@openclaw-cloud/model-server";
import { TEST_CONTROL_KEY } from "./test-constants.ts";

export default async function setup(): Promise<() => Promise<void>> {
  const ports = JSON.parse(process.env.AGENT_TEST_PORTS ?? "{}") as { convex: number; model: number; probe: number };
  const dir = mkdtempSync(join(tmpdir(), "occ-agent-unit-"));
  const convex = await startLocalConvexProcess({
    port: ports.convex,
    dataFile: join(dir, "convex.json"),
    controlKey: TEST_CONTROL_KEY,
    env: { OPENCLAW_ENCRYPTION_KEY: randomBytes(32).toString("base64") },
  });
  const model = await startModelServer({ port: ports.model, apiKey: "unit-model-key" });
  const requests = new Set<string>();
  model.on("delta", ({ requestId }) => requests.add(requestId));
  const probe = createServer((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ requests: requests.size })));
  await new Promise<void>((resolve) => probe.listen(ports.probe, "127.0.0.1", resolve));
  return async () => {
    await Promise.all([convex.stop(), model.close(), new Promise((resolve) => probe.close(resolve))]);
    rmSync(dir, { recursive: true, force: true });
  };
}
