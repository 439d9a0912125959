/**
 * Where things live in a tenant's sandbox, as the runtime (which places and reads files
 * through the Sandbox SDK) and the launcher (which runs inside the sandbox) both need it.
 * Paths below `home` are relative to it.
 */
export const SANDBOX_LAYOUT = {
  /** The sandbox home as its processes see it (`SANDBOX_HOME` in apps/openclaw-runtime/Dockerfile). */
  home: "/home/openclaw",
  /** The port the OpenClaw gateway listens on inside the sandbox. */
  gatewayPort: 18789,
  /** `OPENCLAW_STATE_DIR`: config, databases, workspace, logs. */
  stateDir: "openclaw",
  /** Scratch space for restores, outside the state directory as `openclaw backup restore` requires. */
  restoreDir: "restore",
  /** Where the runtime places the archive a start or a restore restores from. */
  restoreArchive: "restore/latest.tar.gz",
  /**
   * What makes a state directory hold a tenant's data (relative to it): OpenClaw keeps its
   * authoritative state in SQLite, the shared database plus one per agent under `agents/`,
   * both created on the gateway's first start. Everything else is regenerated from settings.
   */
  stateMarkers: ["state/openclaw.sqlite", "agents"],
} as const;
