import type { LocalStack } from "@openclaw-cloud/local-stack";
import { warmUp } from "./measure-chat.ts";
import { deleteTenantSandboxes, expectJson, runtimeFetch } from "./platform-api.ts";
import { median } from "./stats.ts";

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
}

/**
 * Puts the tenant to sleep (`POST /v1/tenant/stop`: backup, then the container is released)
 * and times its next chat turn to the first delta, `runs` times; as many times with the
 * sandbox also deleted on the sandbox host before the turn; then as many times its next
 * session list instead of a turn.
 */
export async function measureWake(stack: LocalStack, tenantId: string, runs: number): Promise<WakeResult> {
  const target = { url: `${stack.runtimeUrl}/v1/responses`, headers: stack.internalHeaders(tenantId) };
  const sleep = async () => {
    const stopped = await expectJson<{ state: string }>(await runtimeFetch(stack, tenantId, "/v1/tenant/stop", { method: "POST" }));
    if (stopped.state !== "sleeping") throw new Error(`tenant is ${stopped.state} after stop`);
  };
  const wakeRunsMs: number[] = [];
  const wakeColdRunsMs: number[] = [];
  const wakeReadyRunsMs: number[] = [];
  for (let i = 0; i < runs * 2; i++) {
    const cold = i % 2 === 1;
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
  };
}
