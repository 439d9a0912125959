import type { LocalStack } from "@openclaw-cloud/local-stack";
import type { Cleanups } from "./cleanups.ts";
import { warmUp } from "./measure-chat.ts";
import { deleteTenantSandboxes, expectJson, runtimeFetch } from "./platform-api.ts";
import { startRawGateway } from "./raw-gateway.ts";
import { median } from "./stats.ts";
import { removeTenantArchives, tenantArchive } from "./tenant-archive.ts";

export interface WakeResult {
  /** `wake_s`: a sleeping tenant's first chat turn, request to its first delta. */
  wakeMs: number;
  wakeRunsMs: number[];
  /** `wake_cold_s`: the same after the sandbox itself was also deleted on the host (a recycled machine). */
  wakeColdMs: number;
  wakeColdRunsMs: number[];
  /** `wake_ready_s`: a sleeping tenant's session list (no model turn), request to answer: the wake alone. */
  wakeReadyMs: number;
  wakeReadyRunsMs: number[];
  /** `raw_restored_ready_s`: a plain gateway started on a copy of the tenant's state, spawn to ready. */
  rawRestoredReadyMs: number;
  rawRestoredReadyRunsMs: number[];
  /** `raw_restored_first_turn_s`: that gateway's first turn, request to first delta. */
  rawRestoredFirstTurnMs: number;
  rawRestoredFirstTurnRunsMs: number[];
}

const ARCHIVE_DIR = "bench-wake";

/**
 * Puts the tenant to sleep (`POST /v1/tenant/stop`: backup, then the container is released)
 * and times its next chat turn to the first delta, `runs` times; as many times with the
 * sandbox also deleted on the sandbox host before the turn; then as many times its next
 * session list instead of a turn. Before each wake by a turn, the baseline: a plain gateway
 * on a copy of the state that this sleep saves (what a woken tenant starts on), its ready
 * time and first turn, with no platform in the way.
 */
export async function measureWake(stack: LocalStack, cleanups: Cleanups, tenantId: string, runs: number): Promise<WakeResult> {
  const target = { url: `${stack.runtimeUrl}/v1/responses`, headers: stack.internalHeaders(tenantId) };
  const sleep = async () => {
    const stopped = await expectJson<{ state: string }>(await runtimeFetch(stack, tenantId, "/v1/tenant/stop", { method: "POST" }));
    if (stopped.state !== "sleeping") throw new Error(`tenant is ${stopped.state} after stop`);
  };
  const rawOnTenantState = async () => {
    const { path: archive } = await tenantArchive(stack, tenantId, `${ARCHIVE_DIR}/state.tar.gz`);
    // Restored into the raw gateway's own home before it starts; then the sandbox's copy goes.
    const gateway = await startRawGateway(stack.tenantSettings(), "openclaw", cleanups, { stateArchive: archive }).finally(() => removeTenantArchives(stack, tenantId, ARCHIVE_DIR));
    try {
      const firstTurnMs = await warmUp({ url: `${gateway.url}/v1/responses`, headers: { authorization: `Bearer ${gateway.token}` } }, 1);
      return { readyMs: gateway.readyMs, firstTurnMs };
    } finally {
      await gateway.stop();
    }
  };
  const wakeRunsMs: number[] = [];
  const wakeColdRunsMs: number[] = [];
  const wakeReadyRunsMs: number[] = [];
  const rawRestoredReadyRunsMs: number[] = [];
  const rawRestoredFirstTurnRunsMs: number[] = [];
  for (let i = 0; i < runs * 2; i++) {
    const cold = i % 2 === 1;
    if (!cold) {
      const raw = await rawOnTenantState();
      rawRestoredReadyRunsMs.push(raw.readyMs);
      rawRestoredFirstTurnRunsMs.push(raw.firstTurnMs);
    }
    await sleep();
    if (cold) await deleteTenantSandboxes(stack, tenantId);
    (cold ? wakeColdRunsMs : wakeRunsMs).push(await warmUp(target, 1));
  }
  for (let i = 0; i < runs; i++) {
    await sleep();
    const started = performance.now();
    await expectJson(await runtimeFetch(stack, tenantId, "/v1/sessions"));
    wakeReadyRunsMs.push(performance.now() - started);
  }
  return {
    wakeMs: median(wakeRunsMs),
    wakeRunsMs,
    wakeColdMs: median(wakeColdRunsMs),
    wakeColdRunsMs,
    wakeReadyMs: median(wakeReadyRunsMs),
    wakeReadyRunsMs,
    rawRestoredReadyMs: median(rawRestoredReadyRunsMs),
    rawRestoredReadyRunsMs,
    rawRestoredFirstTurnMs: median(rawRestoredFirstTurnRunsMs),
    rawRestoredFirstTurnRunsMs,
  };
}
