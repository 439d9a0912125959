import type { ConvexClient, Instance } from "@openclaw-cloud/convex-client";
import { apiErrorFromRuntime } from "../runtime/runtime-errors.ts";
import type { ProvisionLine, RuntimeStatus } from "../runtime/runtime-types.ts";
import { ndjsonLines } from "./ndjson.ts";

/** What the API streams to the client while an instance is created (docs/api.md). */
export type ProvisionEvent =
  | { stage: "accepted"; instance: Instance }
  | { stage: "provisioning" | "restoring" | "starting" | "ready" }
  | { stage: "done"; instance: Instance; status: RuntimeStatus }
  | { stage: "failed"; error: { code: string; message: string } };

const PROGRESS_STAGES = new Set(["provisioning", "restoring", "starting", "ready"]);

/**
 * Follows the runtime's NDJSON progress to the end, yielding each stage as it arrives and
 * recording the outcome on the instance (running + OpenClaw version, or error + reason).
 * When the runtime already has the tenant, `adopt` decides the outcome instead. A stream
 * that ends without an outcome (the runtime went away) counts as failed.
 */
export async function* followProvisioning(convex: ConvexClient, ownerId: string, runtimeBody: ReadableStream<Uint8Array>, adopt: () => Promise<ProvisionLine>): AsyncGenerator<ProvisionEvent> {
  for await (const raw of ndjsonLines(runtimeBody)) {
    let line = raw as ProvisionLine;
    if (line.stage === "failed" && line.error.code === "tenant_exists") line = await adopt();
    if (PROGRESS_STAGES.has(line.stage)) yield { stage: line.stage } as ProvisionEvent;
    else if (line.stage === "done") {
      const instance = await convex.updateInstance({ ownerId, status: line.status.state, openclawVersion: line.status.openclawVersion, lastError: null });
      yield { stage: "done", instance, status: line.status };
      return;
    } else if (line.stage === "failed") {
      yield await recordFailure(convex, ownerId, apiErrorFromRuntime(502, { error: line.error }));
      return;
    }
  }
  yield await recordFailure(convex, ownerId, { code: "gateway_unavailable", message: "the runtime stopped reporting progress" });
}

async function recordFailure(convex: ConvexClient, ownerId: string, error: { code: string; message: string }): Promise<ProvisionEvent> {
  await convex.updateInstance({ ownerId, status: "error", lastError: error.message });
  return { stage: "failed", error: { code: error.code, message: error.message } };
}
