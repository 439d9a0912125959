import { spawn } from "node:child_process";
import { join } from "node:path";
import { unstable_getMiniflareWorkerOptions } from "wrangler";
import { REPO_ROOT, pathWithRepoBin } from "./repo.ts";

/** A worker as Miniflare runs it: wrangler's translation of the config's bindings, the bundle as its script. */
export type BundledWorkerOptions = Record<string, unknown> & { name: string; scriptPath: string };

/**
 * Bundles a worker the way `wrangler deploy` does (same esbuild setup, same Node
 * compatibility shims), without deploying, into `outDir/index.js`.
 */
export async function bundleWorker(configPath: string, outDir: string): Promise<string> {
  const args = ["deploy", "--dry-run", "-c", configPath, "--outdir", outDir];
  const child = spawn("wrangler", args, {
    cwd: REPO_ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, PATH: pathWithRepoBin(), WRANGLER_SEND_METRICS: "false", WRANGLER_LOG: "warn", CI: "1" },
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", resolve);
  });
  if (code !== 0) throw new Error(`bundling ${configPath} failed (wrangler exited with ${code}):\n${output.slice(-3000)}`);
  return join(outDir, "index.js");
}

/**
 * Miniflare's options for one bundled worker, in the shape wrangler produces them
 * (`convertV4MiniflareOptions` turns them into the current one). The bundle is a single
 * module, so wrangler's module rules and its source-relative root do not apply.
 */
export function bundledWorkerOptions(configPath: string, name: string, bundle: string): BundledWorkerOptions {
  const { workerOptions } = unstable_getMiniflareWorkerOptions(configPath, undefined, { overrides: { enableContainers: false } });
  const { modulesRules: _rules, rootPath: _root, ...bindings } = workerOptions as Record<string, unknown>;
  return { ...bindings, name, modules: true, modulesRoot: join(bundle, ".."), scriptPath: bundle };
}
