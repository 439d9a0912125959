import { treeRss, type LocalStack } from "@openclaw-cloud/local-stack";
import { sandboxInfo } from "./platform-api.ts";
import { median } from "./stats.ts";

export interface MemoryResult {
  /** Median over samples of the RSS summed over every process of the tenant's sandbox. */
  tenantRssMb: number;
  tenantProcesses: number;
  rawRssMb: number;
  rawProcesses: number;
  /** The same plain gateway with the launcher's memory settings (gateway-launcher's GATEWAY_MEMORY_ENV). */
  rawTunedRssMb: number;
}

const SAMPLE_INTERVAL_MS = 1000;

/**
 * Samples an idle tenant and the raw gateway side by side. The tenant's processes are the
 * sandbox's running processes (by OS pid from the sandbox host), their process groups and
 * all descendants. Shared infrastructure (workerd, the sandbox host) is not counted.
 */
export async function measureMemory(stack: LocalStack, tenantId: string, rawPid: number, rawTunedPid: number, samples: number): Promise<MemoryResult> {
  const tenant: Array<ReturnType<typeof treeRss>> = [];
  const raw: Array<ReturnType<typeof treeRss>> = [];
  const rawTuned: Array<ReturnType<typeof treeRss>> = [];
  for (let sample = 0; sample < samples; sample++) {
    if (sample > 0) await new Promise((resolve) => setTimeout(resolve, SAMPLE_INTERVAL_MS));
    const { processes } = await sandboxInfo(stack, tenantId);
    const roots = processes.flatMap((process) => (process.status === "running" && process.pid !== null ? [process.pid] : []));
    if (roots.length === 0) throw new Error(`tenant ${tenantId} has no running processes`);
    tenant.push(treeRss(roots));
    raw.push(treeRss([rawPid]));
    rawTuned.push(treeRss([rawTunedPid]));
  }
  return {
    tenantRssMb: median(tenant.map((t) => t.rssMb)),
    tenantProcesses: median(tenant.map((t) => t.processes)),
    rawRssMb: median(raw.map((r) => r.rssMb)),
    rawProcesses: median(raw.map((r) => r.processes)),
    rawTunedRssMb: median(rawTuned.map((r) => r.rssMb)),
  };
}
