import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT, pathWithRepoBin } from "./repo.ts";

export interface WranglerDevOptions {
  /** Wrangler configs with their vars merged in (see writeDevConfig); the first one is the front door on `port`. */
  configs: string[];
  port: number;
  stateDir: string;
  inspectorPort?: number;
  onOutput?: (line: string) => void;
}

export interface RunningWrangler {
  url: string;
  stop(): Promise<void>;
}

/** `wrangler dev` as a child process in its own process group, ready when /healthz answers. */
export async function startWranglerDev(options: WranglerDevOptions): Promise<RunningWrangler> {
  mkdirSync(options.stateDir, { recursive: true });
  const args = [
    "dev",
    ...options.configs.flatMap((config) => ["-c", config]),
    "--ip", "127.0.0.1",
    "--port", String(options.port),
    "--inspector-port", String(options.inspectorPort ?? 0),
    "--persist-to", join(options.stateDir, "wrangler"),
    "--show-interactive-dev-session=false",
    "--log-level", "warn",
  ];
  const child = spawn("wrangler", args, {
    cwd: REPO_ROOT,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    // No internet here: skip fetching the `Request.cf` placeholder from Cloudflare.
    env: { ...process.env, PATH: pathWithRepoBin(), WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false", CI: "1" },
  });
  killGroupOnExit(child);
  const output: string[] = [];
  const collect = (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n")) {
      if (!line.trim()) continue;
      output.push(line);
      if (output.length > 200) output.shift();
      options.onOutput?.(line);
    }
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const url = `http://127.0.0.1:${options.port}`;
  try {
    await waitForHealth(url, child, 60_000);
  } catch (error) {
    await stopProcessGroup(child);
    throw new Error(`${(error as Error).message}\n${output.join("\n")}`);
  }
  return { url, stop: () => stopProcessGroup(child) };
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited with ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`wrangler dev not ready after ${timeoutMs} ms`);
}

/**
 * A child started in its own process group must not outlive this process even when it
 * dies without running its shutdown (an uncaught error, a signal npm does not forward):
 * the group gets SIGKILL from a synchronous exit hook unless it was stopped before.
 */
const groupsToKillOnExit = new Set<number>();
process.on("exit", () => {
  for (const pid of groupsToKillOnExit) {
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
});

export function killGroupOnExit(child: ChildProcess): void {
  if (child.pid) groupsToKillOnExit.add(child.pid);
}

/** SIGTERM to the whole group, SIGKILL if it lingers. */
export async function stopProcessGroup(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.pid) groupsToKillOnExit.delete(child.pid);
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      // already gone
    }
  }, graceMs);
  await exited;
  clearTimeout(timer);
}
