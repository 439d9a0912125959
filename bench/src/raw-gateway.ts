import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { TenantSettingsInput } from "@openclaw-cloud/contracts";
import { buildGatewayLaunch, CONFIG_FILE_NAME, parseTenantSettings } from "@openclaw-cloud/gateway-config";
import { freePort, pathWithRepoBin, stopProcessGroup } from "@openclaw-cloud/local-stack";
import type { Cleanups } from "./cleanups.ts";

/** Same interval as the runtime's readiness poll, so both sides are timed alike. */
const READY_POLL_MS = 100;
const READY_TIMEOUT_MS = 90_000;

/** A plain `openclaw gateway` the benchmark started itself, on the tenant's generated config. */
export interface RawGateway {
  url: string;
  token: string;
  pid: number;
  /** Spawn to the first `GET /readyz` 200. */
  readyMs: number;
  stop(): Promise<void>;
}

/**
 * Writes the config, identity files and secret environment that the platform would
 * generate for `settings` (gateway-config, same sandbox layout as the launcher), then
 * spawns the installed `openclaw gateway` CLI directly: no launcher, sandbox host, worker
 * or Durable Object in between. Timing starts at spawn, after the files are written.
 */
export async function startRawGateway(settings: TenantSettingsInput): Promise<RawGateway> {
  const parsed = parseTenantSettings(settings);
  if (!parsed.ok) throw new Error(parsed.message);
  const home = mkdtempSync(join(tmpdir(), "occ-bench-raw-"));
  const stateDir = join(home, "openclaw");
  const port = await freePort();
  const token = randomBytes(24).toString("base64url");
  const launch = buildGatewayLaunch(parsed.settings, { gatewayPort: port, stateDir, gatewayToken: token, bind: "loopback" });
  mkdirSync(stateDir, { recursive: true, mode: 0o700 });
  writeFileSync(join(stateDir, CONFIG_FILE_NAME), JSON.stringify(launch.config, null, 2), { mode: 0o600 });
  for (const file of launch.files) {
    mkdirSync(dirname(join(stateDir, file.path)), { recursive: true });
    writeFileSync(join(stateDir, file.path), file.content, { mode: file.mode ?? 0o644 });
  }
  const logPath = join(home, "gateway.log");
  const log = openSync(logPath, "w");
  const started = performance.now();
  const child = spawn("openclaw", ["gateway", "--port", String(port), "--bind", "loopback"], {
    cwd: stateDir,
    detached: true,
    stdio: ["ignore", log, log],
    env: {
      ...process.env,
      PATH: pathWithRepoBin(),
      HOME: home,
      OPENCLAW_STATE_DIR: stateDir,
      OPENCLAW_CONFIG_PATH: join(stateDir, CONFIG_FILE_NAME),
      ...launch.env,
    },
  });
  const stop = async () => {
    await stopProcessGroup(child, 10_000);
    killGroup(child); // helpers the gateway left behind in its group
    rmSync(home, { recursive: true, force: true });
  };
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

async function waitForReady(url: string, child: ChildProcess): Promise<void> {
  const deadline = performance.now() + READY_TIMEOUT_MS;
  while (performance.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`openclaw gateway exited (${child.exitCode ?? child.signalCode})`);
    try {
      const response = await fetch(`${url}/readyz`);
      await response.body?.cancel();
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, READY_POLL_MS));
  }
  throw new Error(`openclaw gateway not ready after ${READY_TIMEOUT_MS} ms`);
}

function killGroup(child: ChildProcess): void {
  try {
    if (child.pid) process.kill(-child.pid, "SIGKILL");
  } catch {
    // group already gone
  }
}

/** Starts a raw gateway whose stop is registered with `cleanups` from the moment it spawns. */
export async function startTrackedRawGateway(
  settings: TenantSettingsInput,
  cleanups: Cleanups,
): Promise<{ gateway: RawGateway; release: () => Promise<void> }> {
  const starting = startRawGateway(settings);
  const release = cleanups.add(() => starting.then((gateway) => gateway.stop(), () => {}));
  return { gateway: await starting, release };
}
