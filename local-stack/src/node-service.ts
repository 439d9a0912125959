import { spawn } from "node:child_process";
import { killGroupOnExit, stopProcessGroup } from "./process-group.ts";
import { pathWithRepoBin } from "./repo.ts";

export interface NodeService {
  url: string;
  stop(): Promise<void>;
}

export interface NodeServiceOptions {
  /** Named in errors. */
  name: string;
  /** A `*-main.ts` entry that prints `{"url":…}` on stdout once it listens. */
  entry: string;
  /** The child's whole environment besides PATH and HOME. */
  env: Record<string, string>;
  startTimeoutMs: number;
  onOutput?: (line: string) => void;
}

/**
 * A part of the local stack in a child Node process of its own process group: killed
 * with its own children (workerd) when this process exits, told by the IPC channel's
 * closing when this process dies without exiting cleanly.
 */
export async function startNodeService(options: NodeServiceOptions): Promise<NodeService> {
  const child = spawn(process.execPath, [options.entry], {
    detached: true,
    stdio: ["ignore", "pipe", "pipe", "ipc"],
    env: { PATH: pathWithRepoBin(), HOME: process.env.HOME ?? "/tmp", ...options.env },
  });
  // The IPC channel only tells the child when this process is gone; it must not keep this one alive.
  child.channel?.unref();
  killGroupOnExit(child);
  const output: string[] = [];
  child.stderr?.on("data", (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n").filter(Boolean)) {
      output.push(line);
      if (output.length > 50) output.shift();
      options.onOutput?.(line);
    }
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let buffer = "";
      const timer = setTimeout(() => reject(new Error(`${options.name} did not start in ${options.startTimeoutMs / 1000} s`)), options.startTimeoutMs);
      child.stdout?.on("data", (chunk: Buffer) => {
        buffer += chunk.toString();
        const line = buffer.split("\n").find((l) => l.startsWith("{"));
        if (line) {
          clearTimeout(timer);
          resolve((JSON.parse(line) as { url: string }).url);
        }
      });
      child.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`${options.name} exited with ${code}`));
      });
    });
    child.stdout?.removeAllListeners("data");
    child.stdout?.resume();
    return { url, stop: () => stopProcessGroup(child) };
  } catch (error) {
    await stopProcessGroup(child);
    throw new Error(`${(error as Error).message}\n${output.join("\n")}`);
  }
}

/**
 * The child's side of startNodeService: announces `url` to the parent, then runs `stop`
 * and exits on SIGTERM, SIGINT or the parent going away (its IPC channel closing).
 */
export function serveUntilStopped(url: string, stop: () => Promise<void>): void {
  process.stdout.write(`${JSON.stringify({ url })}\n`);
  let closing = false;
  const close = async () => {
    if (closing) return;
    closing = true;
    await stop().catch(() => {});
    process.exit(0);
  };
  for (const event of ["SIGTERM", "SIGINT", "disconnect"] as const) process.on(event, () => void close());
}
