import { GATEWAY_SLOT_ENV, SANDBOX_LAYOUT, type GatewaySlotIndex } from "@openclaw-cloud/contracts";
import type { SandboxDriver } from "../driver/sandbox-driver.ts";

/**
 * One of the sandbox's two places a gateway runs from (SANDBOX_LAYOUT.gatewaySlots). One
 * serves; a restore starts the restored gateway in the other and switches when it is ready.
 */
export interface GatewaySlot {
  readonly index: GatewaySlotIndex;
  /** The port it listens on inside the sandbox. */
  readonly port: number;
  /** Its state directory, relative to the sandbox home. */
  readonly stateDir: string;
  /** Its process id in the sandbox (restarted under the same id). */
  readonly processId: string;
  /** What tells the launcher (start, backup, restore, approve-device) which slot it serves. */
  readonly env: Readonly<Record<string, string>>;
}

export function gatewaySlot(index: GatewaySlotIndex): GatewaySlot {
  const { port, stateDir, processId } = SANDBOX_LAYOUT.gatewaySlots[index];
  return { index, port, stateDir, processId, env: { [GATEWAY_SLOT_ENV]: String(index), GATEWAY_PORT: String(port) } };
}

/** The tenant's sandbox, seen from one gateway slot: what every gateway call goes through. */
export interface GatewaySandbox extends SandboxDriver {
  readonly gateway: GatewaySlot;
}
