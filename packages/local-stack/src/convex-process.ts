import { spawn } from "node:child_process";
import { join } from "node:path";
import type { LocalConvexOptions } from "@openclaw-cloud/convex-local";
import { pathWithRepoBin } from "./repo.ts";
import { killGroupOnExit, stopProcessGroup } from "./wrangler-dev.ts";

export interface LocalConvexProcess {
  url: string;
  stop(): Promise<void>;
}

/**
 * The local Convex in a child Node process. The Convex functions read `process.env`
 * (the control key, the encryption key), so they get a process of their own rather
 * than the host's environment; and the host may be a test runner whose module loader
 * cannot load convex-local's own module hooks.
 */
export async function startLocalConvexProcess(options: LocalConvexOptions, onOutput?: (line: string) => void): Promise<LocalConvexProcess> {
  const child = spawn(process.execPath, [join(import.meta.dirname, "convex-main.ts")], {
    detached: true,
    stdio: ["ignore", "pipe", "pipe", "ipc"],
    env: { PATH: pathWithRepoBin(), HOME: process.env.HOME ?? "/tmp", LOCAL_CONVEX_OPTIONS: JSON.stringify(options) },
  });
  // The IPC channel only tells the child when this process is gone; it must not keep this one alive.
  child.channel?.unref();
  killGroupOnExit(child);
  const output: string[] = [];
  child.stderr?.on("data", (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n").filter(Boolean)) {
      output.push(line);
      if (output.length > 50) output.shift();
      onOutput?.(line);
    }
  });
  const url = await new Promise<string>((resolve, reject) => {
    let buffer = "";
    const timer = setTimeout(() => reject(new Error(`local convex did not start in 60 s\n${output.join("\n")}`)), 60_000);
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
      reject(new Error(`local convex exited with ${code}\n${output.join("\n")}`));
    });
  });
  child.stdout?.removeAllListeners("data");
  child.stdout?.resume();
  return { url, stop: () => stopProcessGroup(child) };
}
