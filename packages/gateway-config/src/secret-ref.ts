/**
 * OpenClaw's SecretRef for a value read from the gateway's environment
 * (docs/gateway/config-secrets-env.md): the config names the variable, never the value.
 */
export type EnvSecretRef = { source: "env"; provider: "default"; id: string };

export function envSecretRef(id: string): EnvSecretRef {
  return { source: "env", provider: "default", id };
}
