import type { InstanceState } from "@openclaw-cloud/contracts/web-views";

const LABELS: Record<InstanceState, string> = {
  absent: "Not created",
  provisioning: "Creating",
  starting: "Starting",
  running: "Running",
  sleeping: "Asleep",
  stopping: "Stopping",
  error: "Failed",
};

/** An instance's lifecycle state as a coloured word. */
export function StateBadge({ state }: { state: InstanceState | null }) {
  const shown = state ?? "absent";
  return <span className={`badge badge-${shown}`}>{state ? LABELS[shown] : "Unknown"}</span>;
}
