/**
 * Starting a tenant's gateway in its sandbox: the launcher as a long-lived process, then
 * polls until that very gateway is ready. The lifecycle (which sandbox, which credential,
 * what the tenant's state becomes) stays in tenant-runtime.ts; this is the sandbox side.
 */
import type { GatewaySettings } from "@openclaw-cloud/contracts";
import type { SandboxDriver } from "../driver/sandbox-driver.ts";
import { RuntimeError } from "../http/errors.ts";
import { failureReason } from "../logs/gateway-logs.ts";
import { RESTORE_ARCHIVE_PATH } from "../backups/sandbox-backup.ts";
import { acceptsToken, gatewayAnswers, isGatewayReady } from "./gateway-http.ts";
import { GATEWAY_PROCESS } from "./gateway-process.ts";

const READY_POLL_MS = 100;
/** How long a start waits for the previous gateway's port to be free before giving up. */
const PORT_FREE_TIMEOUT_MS = 15_000;

export interface GatewayLaunch {
  /** What the launcher turns into OpenClaw's config (packages/gateway-config). */
  settings: GatewaySettings;
  gatewayToken: string;
  startTimeoutMs: number;
  /** Kept out of the failure messages, which reach the status and so the person. */
  secrets: string[];
}

/**
 * Starts the gateway and waits until it is ready; one that fails to get there is stopped.
 * The restored archive is deleted once the gateway runs on the state made from it.
 */
export async function launchGateway(driver: SandboxDriver, launch: GatewayLaunch): Promise<void> {
  try {
    await driver.startProcess(GATEWAY_PROCESS, ["openclaw-cloud-gateway", "start"], {
      OPENCLAW_CLOUD_SETTINGS: JSON.stringify(launch.settings),
      OPENCLAW_CLOUD_GATEWAY_TOKEN: launch.gatewayToken,
    });
    await waitUntilReady(driver, launch);
  } catch (error) {
    await driver.killProcess(GATEWAY_PROCESS).catch(() => {});
    throw error;
  }
  await driver.deleteFile(RESTORE_ARCHIVE_PATH);
}

async function waitUntilReady(driver: SandboxDriver, launch: GatewayLaunch): Promise<void> {
  const deadline = Date.now() + launch.startTimeoutMs;
  while (Date.now() < deadline) {
    const ready = await isGatewayReady(driver, launch.gatewayToken);
    const process = await driver.getProcess(GATEWAY_PROCESS);
    // Ready only counts from our own gateway: the process must still run and accept this
    // tenant's token (locally, another host's gateway can hold the same port).
    if (ready && process?.status === "running" && (await acceptsToken(driver, launch.gatewayToken))) return;
    if (process?.status !== "running") {
      const logs = await driver.processLogs(GATEWAY_PROCESS).catch(() => ({ stdout: "", stderr: "" }));
      const reason = failureReason(logs, launch.secrets) || `exited with ${process?.exitCode ?? "unknown status"}`;
      throw new RuntimeError("gateway_start_failed", 502, `gateway failed to start: ${reason}`);
    }
    await scheduler.wait(READY_POLL_MS);
  }
  throw new RuntimeError("gateway_start_failed", 504, `gateway failed to start: not ready after ${launch.startTimeoutMs / 1000} s`);
}

/**
 * Two gateways must never overlap: a start waits until nothing answers on the gateway's
 * port any more (the old process and whatever it spawned are gone), not just until the
 * kill returned.
 */
export async function waitUntilPortFree(driver: SandboxDriver): Promise<void> {
  const deadline = Date.now() + PORT_FREE_TIMEOUT_MS;
  while (await gatewayAnswers(driver, AbortSignal.timeout(2_000)).catch((error: unknown) => (error as Error)?.name === "TimeoutError")) {
    if (Date.now() >= deadline) throw new RuntimeError("gateway_start_failed", 502, "gateway failed to start: the previous gateway still holds its port");
    await driver.killProcess(GATEWAY_PROCESS);
    await scheduler.wait(READY_POLL_MS * 5);
  }
}

/**
 * The OpenClaw version the launcher started, from its log line "starting openclaw <version>
 * gateway ...": no second OpenClaw process (seconds of CPU) beside a gateway that is booting.
 */
export async function launchedOpenclawVersion(driver: SandboxDriver): Promise<string | null> {
  const logs = await driver.processLogs(GATEWAY_PROCESS).catch(() => null);
  return logs ? parseOpenclawVersion(logs.stdout) : null;
}

/** Pure. */
export function parseOpenclawVersion(stdout: string): string | null {
  return stdout.match(/(\d{4}\.\d+\.\d+[\w.-]*)/)?.[1] ?? null;
}
