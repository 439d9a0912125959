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
}

/**
 * Puts the tenant to sleep (`POST /v1/tenant/stop`: backup, then the container is released)
 * and times its next chat turn to the first delta, `runs` times; then as many times with
 * the sandbox also deleted on the sandbox host before the turn.
 */
export async function measureWake(stack: LocalStack, tenantId: string, runs: number): Promise<WakeResult> {
  const target = { url: `${stack.runtimeUrl}/v1/responses`, headers: stack.internalHeaders(tenantId) };
  const wakeRunsMs: number[] = [];
  const wakeColdRunsMs: number[] = [];
  for (let i = 0; i < runs * 2; i++) {
    const cold = i % 2 === 1;
    const stopped = await expectJson<{ state: string }>(await runtimeFetch(stack, tenantId, "/v1/tenant/stop", { method: "POST" }));
    if (stopped.state !== "sleeping") throw new Error(`tenant is ${stopped.state} after stop`);
    if (cold) await deleteTenantSandboxes(stack, tenantId);
    (cold ? wakeColdRunsMs : wakeRunsMs).push(await warmUp(target, 1));
  }
  return { wakeMs: median(wakeRunsMs), wakeRunsMs, wakeColdMs: median(wakeColdRunsMs), wakeColdRunsMs };
}
