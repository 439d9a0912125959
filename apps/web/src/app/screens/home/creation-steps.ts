import type { ProvisionEvent } from "@openclaw-cloud/contracts/web-views";

/** A step of creating an OpenClaw as the person sees it in the progress list. */
export type StepState = "pending" | "current" | "done" | "failed";

export interface StepRow {
  id: string;
  label: string;
  state: StepState;
}

/** A step the website does itself around the API's stream (saving a key before create). */
export type SideStep = "skipped" | "pending" | "running" | "done" | "failed";

export interface CreationProgress {
  /** Saving the person's provider key and Telegram token before create. */
  secrets: SideStep;
  /** The provisioning events received so far, in order. */
  events: readonly ProvisionEvent[];
  /** The create request is under way (sent, the stream not yet finished). */
  streaming: boolean;
}

/** The API's stages in order; `restoring` shows only when the API sends it. */
const STAGES = [
  { id: "accepted", label: "Request accepted" },
  { id: "provisioning", label: "Preparing your sandbox" },
  { id: "restoring", label: "Restoring your last backup" },
  { id: "starting", label: "Starting the OpenClaw gateway" },
  { id: "ready", label: "Gateway ready" },
  { id: "done", label: "Your OpenClaw is running" },
] as const;

export type CreationOutcome =
  | { kind: "running" }
  | { kind: "done" }
  | { kind: "failed"; error: { code: string; message: string } }
  /** The stream ended without saying how it went (connection lost): the instance's own status tells. */
  | { kind: "interrupted" };

/** How creating went so far, from the events received and whether the stream is still open. */
export function creationOutcome(progress: CreationProgress): CreationOutcome {
  const last = progress.events.at(-1);
  if (last?.stage === "done") return { kind: "done" };
  if (last?.stage === "failed") return { kind: "failed", error: last.error };
  if (progress.secrets === "failed") return { kind: "interrupted" };
  if (!progress.streaming && progress.events.length > 0) return { kind: "interrupted" };
  return { kind: "running" };
}

/**
 * Which step is done, current or failed given the events so far: every stage before the
 * latest one received is done, the latest is current (the work it names is under way),
 * and a `failed` event marks the stage that was under way as failed.
 */
export function creationSteps(progress: CreationProgress): StepRow[] {
  const rows: StepRow[] = [];
  if (progress.secrets !== "skipped") {
    const state: StepState = progress.secrets === "running" ? "current" : progress.secrets === "done" ? "done" : progress.secrets === "failed" ? "failed" : "pending";
    rows.push({ id: "secrets", label: "Saving your keys", state });
  }
  const seen = new Set(progress.events.map((event) => event.stage));
  const failed = seen.has("failed");
  const stages = STAGES.filter((stage) => stage.id !== "restoring" || seen.has("restoring"));
  const reached = stages.reduce((latest, stage, index) => (seen.has(stage.id) ? index : latest), -1);
  const waitingForFirst = reached === -1 && progress.streaming;
  stages.forEach((stage, index) => {
    let state: StepState = "pending";
    if (seen.has("done") || index < reached) state = "done";
    // After an interruption the stage stays current: the work goes on without this page.
    else if (index === reached) state = failed ? "failed" : "current";
    else if (index === 0 && waitingForFirst) state = "current";
    else if (index === 0 && failed) state = "failed";
    rows.push({ id: stage.id, label: stage.label, state });
  });
  return rows;
}
