import { isAbsolute, normalize } from "node:path";
import { SANDBOX_LAYOUT, type GatewaySettings } from "@openclaw-cloud/contracts";
import { GatewayBindSchema, parseGatewaySettingsJson, type GatewayBind } from "@openclaw-cloud/gateway-config";
import { UsageError } from "./errors.ts";
import type { SandboxPaths } from "./sandbox-paths.ts";

/** The memory settings every OpenClaw process gets unless the environment brings its own (see openclawEnv). */
export const GATEWAY_MEMORY_ENV: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: "2", NODE_OPTIONS: "--max-semi-space-size=2" };

/** The launcher's own inputs. The settings JSON carries every tenant secret. */
export const INPUT_ENV = {
  settings: "OPENCLAW_CLOUD_SETTINGS",
  gatewayToken: "OPENCLAW_CLOUD_GATEWAY_TOKEN",
} as const;

export const DEFAULT_GATEWAY_PORT = SANDBOX_LAYOUT.gatewayPort;

export type SandboxEnv = { sandboxHome: string; gatewayPort: number; gatewayBind: GatewayBind };
export type StartInputs = SandboxEnv & { settings: GatewaySettings; gatewayToken: string };

type Env = Readonly<Record<string, string | undefined>>;

/** SANDBOX_HOME (required, absolute), GATEWAY_PORT (default 18789), GATEWAY_BIND (default loopback). */
export function readSandboxEnv(env: Env): SandboxEnv {
  const home = env.SANDBOX_HOME;
  if (!home || !isAbsolute(home)) throw new UsageError("SANDBOX_HOME must be set to an absolute path");
  const portText = env.GATEWAY_PORT || String(DEFAULT_GATEWAY_PORT);
  const gatewayPort = Number(portText);
  if (!/^\d+$/.test(portText) || gatewayPort < 1 || gatewayPort > 65535) {
    throw new UsageError(`GATEWAY_PORT must be a port number, got ${JSON.stringify(portText)}`);
  }
  const bind = GatewayBindSchema.safeParse(env.GATEWAY_BIND || "loopback");
  if (!bind.success) throw new UsageError(`GATEWAY_BIND must be one of ${GatewayBindSchema.options.join(", ")}`);
  return { sandboxHome: normalize(home).replace(/(?<=.)\/$/, ""), gatewayPort, gatewayBind: bind.data };
}

/** Everything `start` needs; errors name the variable, never its value. */
export function readStartInputs(env: Env): StartInputs {
  const sandbox = readSandboxEnv(env);
  const json = env[INPUT_ENV.settings];
  if (!json) throw new UsageError(`${INPUT_ENV.settings} must be set to the tenant settings JSON`);
  const parsed = parseGatewaySettingsJson(json);
  if (!parsed.ok) throw new UsageError(`${INPUT_ENV.settings}: ${parsed.message}`);
  const gatewayToken = env[INPUT_ENV.gatewayToken];
  if (!gatewayToken) throw new UsageError(`${INPUT_ENV.gatewayToken} must be set`);
  return { ...sandbox, settings: parsed.settings, gatewayToken };
}

/**
 * The environment for `openclaw` processes: the launcher's own environment without its inputs
 * (the raw settings JSON must not reach the gateway or anything the agent runs), pointed at the
 * tenant's state, plus `extra` (the gateway's secrets). HOME is the sandbox home so OpenClaw's
 * `~` paths and caches stay inside it.
 */
export function openclawEnv(base: Env, paths: SandboxPaths, extra: Record<string, string> = {}): Record<string, string> {
  // glibc lets a threaded process grow up to 8 malloc arenas per core, and the gateway runs
  // several worker threads; two arenas keep an idle gateway 40-90 MB smaller with no slower
  // turns (measured A/B on this machine). V8's young generation is sized per isolate, and the
  // gateway runs eight (its worker threads) plus helper processes: small semi-spaces keep
  // them from each reserving tens of MB (tenant_rss_mb against raw_gateway_tuned_rss_mb in
  // docs/benchmarks.md). Harmless for other Node programs the agent runs, unlike a heap cap.
  // An operator's own values win.
  const env: Record<string, string> = { ...GATEWAY_MEMORY_ENV };
  for (const [key, value] of Object.entries(base)) {
    if (value !== undefined && key !== INPUT_ENV.settings && key !== INPUT_ENV.gatewayToken) env[key] = value;
  }
  return {
    ...env,
    HOME: paths.home,
    OPENCLAW_STATE_DIR: paths.stateDir,
    OPENCLAW_CONFIG_PATH: paths.configPath,
    // The launcher already passes the Node flags OpenClaw would re-exec itself to add.
    OPENCLAW_NO_RESPAWN: "1",
    ...extra,
  };
}
