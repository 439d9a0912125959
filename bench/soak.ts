// `node bench/soak.ts [minutes]`: the memory soak alone (see src/measure-soak.ts), for finding
// what grows; `npm run bench` runs the same soak and reports it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort, startLocalStack } from "@openclaw-cloud/local-stack";
import { measureSoak } from "./src/measure-soak.ts";

const minutes = Number(process.argv[2] ?? 6);
const stateDir = mkdtempSync(join(tmpdir(), "occ-soak-"));
const inspectorPort = await freePort();
const stack = await startLocalStack({ stateDir, tokenDelayMs: 3, workersInspectorPort: inspectorPort });
try {
  const result = await measureSoak(stack, { tenants: 3, loopsPerTenant: 3, minutes, baselineMinute: Math.min(2, minutes / 2), sampleEveryS: 30, tenantPrefix: "soak", inspectorPort });
  console.log(JSON.stringify({ ...result, workerdSamplesMb: result.workerdSamplesMb.map(Math.round), gatewaySamplesMb: result.gatewaySamplesMb.map((s) => s.map(Math.round)) }));
} finally {
  await stack.stop();
  rmSync(stateDir, { recursive: true, force: true });
}
