import { GATEWAY_CONTAINER_PORTS } from "./ports.ts";

export type SandboxEnvBase = {
  path: string;
  home: string;
  sandboxId: string;
  /** The host ports of the sandbox's gateway slots, in slot order. */
  gatewayPorts: readonly number[];
  nodeEnv: string;
};

/**
 * The environment of every process in a sandbox: a minimal base (nothing leaks from the
 * host's own environment) merged with the caller's variables. The sandbox identity
 * variables always win so a caller cannot point a process at another sandbox's home or port.
 * GATEWAY_PORT is where a container and this host differ: a caller names a gateway slot's
 * container port, and its process gets the host port that stands for it (slot 0's unless
 * another slot's port is asked for).
 */
export function buildProcessEnv(base: SandboxEnvBase, requested: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: base.path,
    NODE_ENV: base.nodeEnv,
    ...requested,
    HOME: base.home,
    SANDBOX_HOME: base.home,
    SANDBOX_ID: base.sandboxId,
    GATEWAY_PORT: String(base.gatewayPorts[Math.max(0, GATEWAY_CONTAINER_PORTS.indexOf(Number(requested.GATEWAY_PORT)))]),
  };
}
