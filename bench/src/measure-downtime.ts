import { readSse, type LocalStack } from "@openclaw-cloud/local-stack";
import { runtimeFetch } from "./platform-api.ts";
import { longestGap } from "./stats.ts";

/** One kind of request the person's clients keep making; true when it was answered properly. */
type Probe = () => Promise<boolean>;

/** How long probing goes on after the action returned: a switch that only breaks later still counts. */
const AFTER_MS = 1_000;
/** Pause between one probe's requests, so the probes do not load the machine they measure. */
const PAUSE_MS = 50;

/**
 * Runs `action` under a steady stream of a tenant's requests (short streamed chat turns,
 * session lists and status reads, each kind in its own loop) and measures the longest time
 * in which none of them was answered properly, from the action's start until a second after
 * it returned.
 */
export async function longestGapDuring<T>(stack: LocalStack, tenantId: string, action: () => Promise<T>): Promise<{ result: T; gapMs: number; answers: number; failures: number }> {
  const probes = [chatProbe(stack, tenantId), sessionsProbe(stack, tenantId), statusProbe(stack, tenantId)];
  const answers: number[] = [];
  let failures = 0;
  let probing = true;
  const loops = probes.map(async (probe) => {
    while (probing) {
      if (await probe().catch(() => false)) answers.push(performance.now());
      else failures += 1;
      await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
    }
  });
  const from = performance.now();
  try {
    const result = await action();
    const to = performance.now() + AFTER_MS;
    await new Promise((resolve) => setTimeout(resolve, AFTER_MS));
    return { result, gapMs: longestGap(answers, from, to), answers: answers.length, failures };
  } finally {
    probing = false;
    await Promise.all(loops);
  }
}

/** A short turn in a session of its own, answered when it streamed to `response.completed`. */
function chatProbe(stack: LocalStack, tenantId: string): Probe {
  let turn = 0;
  return async () => {
    turn += 1;
    const response = await runtimeFetch(stack, tenantId, "/v1/responses", {
      method: "POST",
      headers: { "x-openclaw-session-key": `downtime-probe-${turn}` },
      body: JSON.stringify({ model: "openclaw", input: "still there? [words:3]", stream: true }),
    });
    if (!response.ok || !response.body) {
      await response.body?.cancel();
      return false;
    }
    let completed = false;
    for await (const event of readSse(response.body)) if (event.event === "response.completed") completed = true;
    return completed;
  };
}

function sessionsProbe(stack: LocalStack, tenantId: string): Probe {
  return async () => {
    const response = await runtimeFetch(stack, tenantId, "/v1/sessions");
    await response.body?.cancel();
    return response.ok;
  };
}

function statusProbe(stack: LocalStack, tenantId: string): Probe {
  return async () => {
    const response = await runtimeFetch(stack, tenantId, "/v1/tenant/status");
    return response.ok && ((await response.json()) as { state?: string }).state === "running";
  };
}
