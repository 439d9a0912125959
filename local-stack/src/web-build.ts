import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { killGroupOnExit, stopProcessGroup } from "./process-group.ts";
import { REPO_ROOT, pathWithRepoBin } from "./repo.ts";

const WEB_APP_DIR = join(REPO_ROOT, "apps/web");

function viteBuild(outDir: string, watch: boolean): ChildProcess {
  // Each stack builds into a folder of its own, so Vite's one-build-per-project lock (which
  // would stop tests while `npm run dev` watches) guards nothing here.
  return spawn("vite", ["build", "--outDir", outDir, "--emptyOutDir", "--bypass-lock", ...(watch ? ["--watch"] : [])], {
    cwd: WEB_APP_DIR,
    detached: watch,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, PATH: pathWithRepoBin() },
  });
}

/**
 * Builds the website's React app (plain `vite build`, as CI and a deploy do) into `outDir`,
 * a folder of this stack's own so stacks side by side never overwrite each other's files.
 */
export async function buildWebApp(outDir: string): Promise<void> {
  const child = viteBuild(outDir, false);
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", resolve);
  });
  if (code !== 0) throw new Error(`building the web app failed (vite exited with ${code}):\n${output.slice(-3000)}`);
}

/**
 * `npm run dev`: rebuilds the app into `outDir` on every edit of its sources (the workers
 * host watches `outDir` and reloads the web worker's assets). Returns a stop function.
 */
export function watchWebApp(outDir: string, log: (line: string) => void): () => Promise<void> {
  const child = viteBuild(outDir, true);
  killGroupOnExit(child);
  const forward = (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n").filter(Boolean)) if (/error|built in/i.test(line)) log(line.trim());
  };
  child.stdout?.on("data", forward);
  child.stderr?.on("data", forward);
  return () => stopProcessGroup(child);
}
