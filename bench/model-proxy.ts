// `node bench/model-proxy.ts [pairs]`: the model proxy's overhead alone, and the bare
// pass-through worker's beside it (see src/measure-model-proxy.ts), for working on it;
// `npm run bench` measures the same.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startLocalStack } from "@openclaw-cloud/local-stack";
import { API_BENCH_VARS, benchAdminApi } from "./src/measure-api.ts";
import { measureModelProxy } from "./src/measure-model-proxy.ts";
import { expectJson, sandboxIds } from "./src/platform-api.ts";

const pairs = Number(process.argv[2] ?? 100);
const stateDir = mkdtempSync(join(tmpdir(), "occ-model-proxy-"));
// The model server pauses 3 ms between tokens, as in `npm run bench` (run.ts): with none, every
// hop measures faster than it does there.
const stack = await startLocalStack({ stateDir, tokenDelayMs: 3, apiVars: API_BENCH_VARS });
try {
  const api = benchAdminApi(stack);
  const { user } = await expectJson<{ user: { id: string } }>(await api("/api/me"));
  await expectJson(await api(`/api/admin/users/${user.id}/credits`, { method: "POST", body: JSON.stringify({ amount: 1_000_000_000, reason: "bench" }) }), 201);
  const before = new Set(await sandboxIds(stack));
  await expectJson(await api("/api/openclaw/instance", { method: "POST" }), 201);
  const tenantId = (await sandboxIds(stack)).find((id) => !before.has(id));
  if (!tenantId) throw new Error("creating the instance made no new sandbox");
  console.log(JSON.stringify(await measureModelProxy(stack, tenantId, { pairs, words: 5 })));
} finally {
  await stack.stop();
  rmSync(stateDir, { recursive: true, force: true });
}
