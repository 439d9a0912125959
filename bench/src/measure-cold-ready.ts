import type { LocalStack } from "@openclaw-cloud/local-stack";
import type { Cleanups } from "./cleanups.ts";
import { destroyTenant, provisionTenant, sandboxInfo } from "./platform-api.ts";
import { startRawGateway, type GatewayCommand } from "./raw-gateway.ts";
import { median } from "./stats.ts";

export interface ColdReadyResult {
  coldReadyMs: number;
  rawGatewayReadyMs: number;
  /** The launcher's `start` run directly: what the launcher adds to the plain gateway. */
  launcherReadyMs: number;
  /** Of a cold start: provision request to the gateway process being spawned (platform work before the launcher runs). */
  beforeSpawnMs: number;
  /** Of a cold start: gateway spawn to the 201 (launcher, OpenClaw start, readiness polls through the sandbox host, answer). */
  spawnToReadyMs: number;
  coldRunsMs: number[];
  rawRunsMs: number[];
  launcherRunsMs: number[];
  /** Provisions that reported running on a foreign gateway's answer, redone. */
  discardedColdRuns: number;
}

/**
 * Per run, one provision of a fresh tenant, one plain gateway start and one launcher start,
 * in an order that rotates every run, each alone (the gateway just measured is stopped or
 * destroyed before the next start), so noise from colleagues' work hits all sides alike.
 */
export async function measureColdReady(stack: LocalStack, cleanups: Cleanups, runs: number, tenantPrefix: string): Promise<ColdReadyResult> {
  const coldRunsMs: number[] = [];
  const beforeSpawnMs: number[] = [];
  const gatewayRunsMs: Record<GatewayCommand, number[]> = { openclaw: [], launcher: [] };
  let discardedColdRuns = 0;
  const coldStart = async (run: number) => {
    const { tenantId, requestedAt, readyMs, discarded } = await provisionTenant(stack, (attempt) => `${tenantPrefix}-cold-${run}-${attempt}`);
    coldRunsMs.push(readyMs);
    discardedColdRuns += discarded;
    const gateway = (await sandboxInfo(stack, tenantId)).processes.find((process) => process.id === "gateway");
    if (!gateway) throw new Error(`tenant ${tenantId} has no gateway process in its sandbox`);
    beforeSpawnMs.push(Date.parse(gateway.startedAt) - requestedAt);
    await destroyTenant(stack, tenantId);
  };
  const gatewayStart = async (command: GatewayCommand) => {
    const gateway = await startRawGateway(stack.tenantSettings(), command, cleanups);
    gatewayRunsMs[command].push(gateway.readyMs);
    await gateway.stop();
  };
  for (let run = 0; run < runs; run++) {
    const arms = [() => gatewayStart("openclaw"), () => gatewayStart("launcher"), () => coldStart(run)];
    for (let arm = 0; arm < arms.length; arm++) await arms[(arm + run) % arms.length]!();
  }
  return {
    coldReadyMs: median(coldRunsMs),
    rawGatewayReadyMs: median(gatewayRunsMs.openclaw),
    launcherReadyMs: median(gatewayRunsMs.launcher),
    beforeSpawnMs: median(beforeSpawnMs),
    spawnToReadyMs: median(coldRunsMs.map((cold, run) => cold - beforeSpawnMs[run]!)),
    coldRunsMs,
    rawRunsMs: gatewayRunsMs.openclaw,
    launcherRunsMs: gatewayRunsMs.launcher,
    discardedColdRuns,
  };
}
