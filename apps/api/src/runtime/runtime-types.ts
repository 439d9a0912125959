/** The runtime's `TenantStatus` (docs/api.md, openclaw-runtime), as far as the API reads it. */
export interface RuntimeStatus {
  tenantId: string | null;
  state: "absent" | "provisioning" | "starting" | "running" | "sleeping" | "stopping" | "error";
  since: string | null;
  uptimeMs: number | null;
  lastError: string | null;
  lastErrorAt: string | null;
  openclawVersion: string | null;
  lastBackup: { id: string; createdAt: string; reason: string; bytes: number } | null;
  agent: { name: string } | null;
  model: { provider: string; model: string } | null;
  /** Set while the running gateway does not answer (frozen): since when. */
  notAnsweringSince: string | null;
  /** The last crash the runtime's watchdog saw, until acknowledged. */
  crash: { at: string; exitCode: number | null; lastLogLines: string[] } | null;
  /** When the watchdog restarts a crashed gateway next. */
  nextRestartAt: string | null;
}

/** One line of the runtime's NDJSON provisioning progress. */
export type ProvisionLine =
  | { stage: "provisioning" | "restoring" | "starting" | "ready" }
  | { stage: "done"; status: RuntimeStatus }
  | { stage: "failed"; error: { code: string; message: string } };
