import { startTestNodeClient } from "@openclaw-cloud/gateway-rpc/testing";
import type { LocalStack } from "@openclaw-cloud/local-stack";
import { expectJson, runtimeFetch } from "./platform-api.ts";
import { median } from "./stats.ts";

export interface PairingResult {
  /** Median of list pending + approve through the runtime routes; null if no request could be made pending. */
  pairApproveMs: number | null;
  runsMs: number[];
  /** Why nothing was measured. */
  failure: string | null;
}

const WAIT_MS = 30_000;

/**
 * A real OpenClaw node connects through the runtime's device proxy and is held for
 * pairing; then, timed: `GET /v1/devices` to find its request and
 * `POST /v1/devices/:requestId/approve`, as an operator's UI would.
 */
export async function measurePairing(stack: LocalStack, tenantId: string, runs: number): Promise<PairingResult> {
  const runsMs: number[] = [];
  for (let run = 0; run < runs; run++) {
    const timed = await pairOneNode(stack, tenantId, `bench node ${run}`);
    if (typeof timed === "string") return { pairApproveMs: null, runsMs, failure: timed };
    runsMs.push(timed);
  }
  return { pairApproveMs: median(runsMs), runsMs, failure: null };
}

/** The list + approve time for one new node, or why it never became a pending request. */
async function pairOneNode(stack: LocalStack, tenantId: string, displayName: string): Promise<number | string> {
  const { ticket } = await expectJson<{ ticket: string }>(await runtimeFetch(stack, tenantId, "/v1/gateway/tickets", { method: "POST", body: JSON.stringify({ purpose: "device" }) }), 201);
  const url = `${stack.runtimeUrl.replace(/^http/, "ws")}/gateway/${tenantId}/?ticket=${encodeURIComponent(ticket)}`;
  const node = await startTestNodeClient({ url, displayName });
  try {
    try {
      await node.waitForPairingRequired(WAIT_MS);
    } catch (error) {
      return `a node connecting through the device proxy never became a pending pairing request: ${(error as Error).message}`;
    }
    const started = performance.now();
    const { pending } = await expectJson<{ pending: Array<{ requestId: string; deviceId: string }> }>(await runtimeFetch(stack, tenantId, "/v1/devices"));
    const request = pending.find((candidate) => candidate.deviceId === node.deviceId);
    if (!request) throw new Error(`node ${node.deviceId} is not among the pending devices`);
    await expectJson(await runtimeFetch(stack, tenantId, `/v1/devices/${encodeURIComponent(request.requestId)}/approve`, { method: "POST" }));
    const elapsed = performance.now() - started;
    await node.waitForConnected(WAIT_MS);
    return elapsed;
  } finally {
    await node.stop();
  }
}
