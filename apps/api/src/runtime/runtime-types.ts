import type { RuntimeStatus } from "@openclaw-cloud/contracts";

export type { RuntimeStatus };

/** One line of the runtime's NDJSON provisioning progress. */
export type ProvisionLine = { stage: "provisioning" | "restoring" | "starting" | "ready" } | { stage: "done"; status: RuntimeStatus } | { stage: "failed"; error: { code: string; message: string } };
