import type { InstanceRecord, ProvisionEvent } from "@openclaw-cloud/contracts/web-views";
import { describe, expect, it } from "vitest";
import { creationOutcome, creationSteps, type CreationProgress } from "./creation-steps.ts";

const instance = { id: "i1", status: "provisioning" } as InstanceRecord;
const accepted: ProvisionEvent = { stage: "accepted", instance };
const failed: ProvisionEvent = { stage: "failed", error: { code: "gateway_failed_to_start", message: "gateway failed to start: bad key" } };

const states = (progress: CreationProgress) => Object.fromEntries(creationSteps(progress).map((row) => [row.id, row.state]));

describe("creationSteps", () => {
  it("shows the first stage as current while waiting for the first event", () => {
    expect(states({ secrets: "skipped", events: [], streaming: true })).toEqual({
      accepted: "current",
      provisioning: "pending",
      starting: "pending",
      ready: "pending",
      done: "pending",
    });
  });

  it("marks everything before the latest stage done and the latest current", () => {
    const progress = { secrets: "done" as const, events: [accepted, { stage: "provisioning" as const }, { stage: "starting" as const }], streaming: true };
    expect(states(progress)).toEqual({ secrets: "done", accepted: "done", provisioning: "done", starting: "current", ready: "pending", done: "pending" });
  });

  it("shows restoring only when the API sends it", () => {
    const progress = { secrets: "skipped" as const, events: [accepted, { stage: "provisioning" as const }, { stage: "restoring" as const }], streaming: true };
    const rows = creationSteps(progress);
    expect(rows.map((row) => row.id)).toEqual(["accepted", "provisioning", "restoring", "starting", "ready", "done"]);
    expect(states(progress).restoring).toBe("current");
  });

  it("marks every stage done once done arrives", () => {
    const events: ProvisionEvent[] = [accepted, { stage: "provisioning" }, { stage: "starting" }, { stage: "ready" }, { stage: "done", instance, status: {} as never }];
    expect(Object.values(states({ secrets: "skipped", events, streaming: false }))).toEqual(["done", "done", "done", "done", "done"]);
    expect(creationOutcome({ secrets: "skipped", events, streaming: false })).toEqual({ kind: "done" });
  });

  it("marks the stage under way as failed, and says why", () => {
    const progress = {
      secrets: "skipped" as const,
      events: [accepted, { stage: "provisioning" as const }, { stage: "starting" as const }, failed],
      streaming: false,
    };
    expect(states(progress)).toEqual({ accepted: "done", provisioning: "done", starting: "failed", ready: "pending", done: "pending" });
    expect(creationOutcome(progress)).toEqual({ kind: "failed", error: failed.error });
  });

  it("shows a failed key save before any stage", () => {
    const progress = { secrets: "failed" as const, events: [], streaming: false };
    expect(states(progress)).toEqual({
      secrets: "failed",
      accepted: "pending",
      provisioning: "pending",
      starting: "pending",
      ready: "pending",
      done: "pending",
    });
    expect(creationOutcome(progress)).toEqual({ kind: "interrupted" });
  });

  it("treats a stream that ends without done or failed as interrupted", () => {
    const progress = { secrets: "skipped" as const, events: [accepted, { stage: "provisioning" as const }], streaming: false };
    expect(states(progress).provisioning).toBe("current");
    expect(creationOutcome(progress)).toEqual({ kind: "interrupted" });
    expect(creationOutcome({ ...progress, streaming: true })).toEqual({ kind: "running" });
  });
});
