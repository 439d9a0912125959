/**
 * Where things live in a tenant's sandbox, as the runtime (which places and reads files
 * through the Sandbox SDK) and the launcher (which runs inside the sandbox) both need it.
 * Paths are relative to the sandbox home (`SANDBOX_HOME`).
 */
export const SANDBOX_LAYOUT = {
  /**
   * Two places a gateway can run from, each with its own state directory and port. One
   * serves; a restore prepares the other beside it and switches when it is ready, so the
   * person's gateway is down only for the switch. Ports are 20 apart: OpenClaw derives
   * companion ports (browser control = gateway + 2, ...) from its gateway port.
   */
  gatewaySlots: [
    { stateDir: "openclaw", port: 18789, processId: "gateway" },
    { stateDir: "openclaw-b", port: 18809, processId: "gateway-b" },
  ],
  /** Scratch space for restores, outside every state directory as `openclaw backup restore` requires. */
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

/** Which gateway slot a process serves from: the launcher's `GATEWAY_SLOT` (default 0). */
export type GatewaySlotIndex = 0 | 1;

export const GATEWAY_SLOT_ENV = "GATEWAY_SLOT";

export function otherGatewaySlot(slot: GatewaySlotIndex): GatewaySlotIndex {
  return slot === 0 ? 1 : 0;
}
