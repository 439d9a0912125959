import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The installed `openclaw` package this launcher runs. */
export type Openclaw = { entry: string; version: string };

/**
 * Node flags `openclaw.mjs` would otherwise re-exec itself to add (it respawns the CLI once
 * to silence ExperimentalWarning); passing them directly saves a Node startup per command.
 */
export const OPENCLAW_NODE_FLAGS = ["--disable-warning=ExperimentalWarning"] as const;

/** Locates the `openclaw` dependency next to this package (node_modules resolution). */
export function resolveOpenclaw(): Openclaw {
  let dir = dirname(fileURLToPath(import.meta.resolve("openclaw")));
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { name?: string; version?: string };
      if (pkg.name === "openclaw" && pkg.version) return { entry: join(dir, "openclaw.mjs"), version: pkg.version };
    } catch {
      // No package.json at this level: keep walking up.
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error("cannot find the openclaw package");
    dir = parent;
  }
}

/** argv for running an openclaw command under the current Node. */
export function openclawArgv(openclaw: Openclaw, args: readonly string[]): string[] {
  return [...OPENCLAW_NODE_FLAGS, openclaw.entry, ...args];
}

export type CommandResult = { code: number; stdout: string; stderr: string };

/** Runs an openclaw CLI command to completion, capturing its output. */
export function runOpenclaw(openclaw: Openclaw, args: readonly string[], env: Record<string, string>, cwd: string): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, openclawArgv(openclaw, args), { env, cwd, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr }));
  });
}
