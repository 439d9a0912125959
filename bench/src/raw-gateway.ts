import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { SANDBOX_LAYOUT, type GatewaySettingsInput } from "@openclaw-cloud/contracts";
import { buildGatewayLaunch, CONFIG_FILE_NAME, parseGatewaySettings } from "@openclaw-cloud/gateway-config";
import { freePort, pathWithRepoBin, stopProcessGroup } from "@openclaw-cloud/local-stack";
import type { Cleanups } from "./cleanups.ts";
import { restoreIntoHome } from "./tenant-archive.ts";

/** Same interval as the runtime's readiness poll, so both sides are timed alike. */
const READY_POLL_MS = 100;
const READY_TIMEOUT_MS = 90_000;

/**
 * How the gateway is started outside the platform:
 * - `openclaw`: the installed `openclaw gateway` CLI on config, identity files and secret
 *   environment written beforehand from gateway-config (the plain gateway);
 * - `launcher`: the launcher's `start` (`openclaw-cloud-gateway`), which writes the same
 *   files itself and then execs the same CLI, as it does inside a sandbox.
 */
export type GatewayCommand = "openclaw" | "launcher";

/** A gateway the benchmark started itself, with a token it knows. */
export interface RawGateway {
  url: string;
  token: string;
  pid: number;
  /** Spawn to the first `GET /readyz` 200. */
  readyMs: number;
  stop(): Promise<void>;
}

export interface RawGatewayOptions {
  /** Added to the gateway's environment (the launcher's memory settings, say). */
  env?: Readonly<Record<string, string>>;
  /**
   * A backup archive of a tenant's state, restored into the home before the gateway
   * starts (not timed), so the gateway starts on that state as a woken tenant's does.
   */
  stateArchive?: string;
}

/**
 * Starts a gateway for `settings` in a temporary home laid out like a sandbox, with no
 * sandbox host, worker or Durable Object in between, and the sandbox's minimal environment.
 * Its stop is registered with `cleanups` from the moment it spawns, so an interrupt during
 * the ~10 s start does not wait for readiness.
 */
export async function startRawGateway(settings: GatewaySettingsInput, command: GatewayCommand, cleanups: Cleanups, options: RawGatewayOptions = {}): Promise<RawGateway> {
  const home = mkdtempSync(join(tmpdir(), "occ-bench-raw-"));
  if (options.stateArchive) {
    await restoreIntoHome(options.stateArchive, home).catch((error: unknown) => {
      rmSync(home, { recursive: true, force: true });
      throw error;
    });
  }
  const stateDir = join(home, SANDBOX_LAYOUT.stateDir);
  const port = await freePort();
  const token = randomBytes(24).toString("base64url");
  const spawnArgs = command === "openclaw" ? plainGateway(settings, home, stateDir, port, token) : launcherStart(settings, home, port, token);
  Object.assign(spawnArgs.env, options.env);
  const logPath = join(home, "gateway.log");
  const log = openSync(logPath, "w");
  const started = performance.now();
  const child = spawn(spawnArgs.file, spawnArgs.args, { cwd: home, detached: true, stdio: ["ignore", log, log], env: spawnArgs.env });
  closeSync(log); // the child has its own copy
  const stop = cleanups.add(async () => {
    await stopProcessGroup(child, 10_000);
    killGroup(child); // helpers the gateway left behind in its group
    rmSync(home, { recursive: true, force: true });
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForReady(url, child);
  } catch (error) {
    const tail = readFileSync(logPath, "utf8").slice(-2000);
    await stop();
    throw new Error(`${(error as Error).message}\n${tail}`);
  }
  return { url, token, pid: child.pid!, readyMs: performance.now() - started, stop };
}

interface SpawnArgs {
  file: string;
  args: string[];
  env: Record<string, string>;
}

function plainGateway(settings: GatewaySettingsInput, home: string, stateDir: string, port: number, token: string): SpawnArgs {
  const parsed = parseGatewaySettings(settings);
  if (!parsed.ok) throw new Error(parsed.message);
  const launch = buildGatewayLaunch(parsed.settings, { gatewayPort: port, stateDir, gatewayToken: token, bind: "loopback" });
  mkdirSync(stateDir, { recursive: true, mode: 0o700 });
  writeFileSync(join(stateDir, CONFIG_FILE_NAME), JSON.stringify(launch.config, null, 2), { mode: 0o600 });
  for (const file of launch.files) {
    mkdirSync(dirname(join(stateDir, file.path)), { recursive: true });
    writeFileSync(join(stateDir, file.path), file.content, { mode: file.mode ?? 0o644 });
  }
  return {
    file: "openclaw",
    args: ["gateway", "--port", String(port), "--bind", "loopback"],
    env: {
      PATH: pathWithRepoBin(),
      HOME: home,
      OPENCLAW_STATE_DIR: stateDir,
      OPENCLAW_CONFIG_PATH: join(stateDir, CONFIG_FILE_NAME),
      ...launch.env,
    },
  };
}

function launcherStart(settings: GatewaySettingsInput, home: string, port: number, token: string): SpawnArgs {
  return {
    file: "openclaw-cloud-gateway",
    args: ["start"],
    env: {
      PATH: pathWithRepoBin(),
      HOME: home,
      SANDBOX_HOME: home,
      GATEWAY_PORT: String(port),
      OPENCLAW_CLOUD_SETTINGS: JSON.stringify(settings),
      OPENCLAW_CLOUD_GATEWAY_TOKEN: token,
    },
  };
}

async function waitForReady(url: string, child: ChildProcess): Promise<void> {
  const deadline = performance.now() + READY_TIMEOUT_MS;
  while (performance.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`gateway exited (${child.exitCode ?? child.signalCode})`);
    try {
      const response = await fetch(`${url}/readyz`);
      await response.body?.cancel();
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, READY_POLL_MS));
  }
  throw new Error(`gateway not ready after ${READY_TIMEOUT_MS} ms`);
}

function killGroup(child: ChildProcess): void {
  try {
    if (child.pid) process.kill(-child.pid, "SIGKILL");
  } catch {
    // group already gone
  }
}
