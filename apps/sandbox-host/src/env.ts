export type SandboxEnvBase = {
  path: string;
  home: string;
  sandboxId: string;
  gatewayPort: number;
  nodeEnv: string;
};

/**
 * The environment of every process in a sandbox: a minimal base (nothing leaks from the
 * host's own environment) merged with the caller's variables. The sandbox identity
 * variables always win so a caller cannot point a process at another sandbox's home or port.
 */
export function buildProcessEnv(base: SandboxEnvBase, requested: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: base.path,
    NODE_ENV: base.nodeEnv,
    ...requested,
    HOME: base.home,
    SANDBOX_HOME: base.home,
    SANDBOX_ID: base.sandboxId,
    GATEWAY_PORT: String(base.gatewayPort),
  };
}
