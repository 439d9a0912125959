import type { LocalStack } from "@openclaw-cloud/local-stack";
import type { Cleanups } from "./cleanups.ts";
import { destroyTenant, provisionTenant, sandboxInfo } from "./platform-api.ts";
import { startTrackedRawGateway } from "./raw-gateway.ts";
import { median } from "./stats.ts";

export interface ColdReadyResult {
  coldReadyMs: number;
  rawGatewayReadyMs: number;
  /** Of a cold start: provision request to the gateway process being spawned (platform work before anything of OpenClaw runs). */
  beforeSpawnMs: number;
  /** Of a cold start: gateway spawn to the 201 (launcher, OpenClaw start, readiness poll, answer). */
  spawnToReadyMs: number;
  coldRunsMs: number[];
  rawRunsMs: number[];
}

/**
 * Alternates plain gateway starts with provisions of fresh tenants (which one goes first
 * flips every run), each on an otherwise idle machine as far as we control it: the gateway
 * just measured is stopped before the next start, so noise from colleagues' work hits both
 * sides alike.
 */
export async function measureColdReady(stack: LocalStack, cleanups: Cleanups, runs: number, tenantPrefix: string): Promise<ColdReadyResult> {
  const coldRunsMs: number[] = [];
  const rawRunsMs: number[] = [];
  const beforeSpawnMs: number[] = [];
  const coldStart = async (tenantId: string) => {
    const requestedAt = Date.now();
    const started = performance.now();
    await provisionTenant(stack, tenantId);
    coldRunsMs.push(performance.now() - started);
    const gateway = (await sandboxInfo(stack, tenantId)).processes.find((process) => process.id === "gateway");
    if (!gateway) throw new Error(`tenant ${tenantId} has no gateway process in its sandbox`);
    beforeSpawnMs.push(Date.parse(gateway.startedAt) - requestedAt);
    await destroyTenant(stack, tenantId);
  };
  const rawStart = async () => {
    const { gateway, release } = await startTrackedRawGateway(stack.tenantSettings(), cleanups);
    rawRunsMs.push(gateway.readyMs);
    await release();
  };
  for (let run = 0; run < runs; run++) {
    const tenantId = `${tenantPrefix}-cold-${run}`;
    if (run % 2 === 0) {
      await rawStart();
      await coldStart(tenantId);
    } else {
      await coldStart(tenantId);
      await rawStart();
    }
  }
  const coldReadyMs = median(coldRunsMs);
  const beforeSpawn = median(beforeSpawnMs);
  return {
    coldReadyMs,
    rawGatewayReadyMs: median(rawRunsMs),
    beforeSpawnMs: beforeSpawn,
    spawnToReadyMs: median(coldRunsMs.map((cold, run) => cold - beforeSpawnMs[run]!)),
    coldRunsMs,
    rawRunsMs,
  };
}
