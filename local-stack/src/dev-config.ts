import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parseJsonc } from "./jsonc.ts";

/**
 * A copy of a worker's wrangler dev config with this stack's vars (URLs and secrets)
 * merged in (and, for the web worker, its assets folder pointed at the stack's build), written into the stack's state dir: wrangler bundles from it and reads
 * its bindings, vars included, from it. The copies also keep wrangler's temporary
 * files out of the source tree and apart between stacks running side by side.
 */
export function writeDevConfig(sourcePath: string, outDir: string, vars: Record<string, string>, options: { assetsDirectory?: string } = {}): string {
  const config = parseJsonc(readFileSync(sourcePath, "utf8")) as { main?: string; vars?: Record<string, unknown>; $schema?: string; assets?: { directory?: string } };
  delete config.$schema;
  if (config.main) config.main = resolve(dirname(sourcePath), config.main);
  // Static assets: the stack's own build of the app, else the config's folder, resolved like `main`.
  if (config.assets?.directory) config.assets.directory = options.assetsDirectory ?? resolve(dirname(sourcePath), config.assets.directory);
  config.vars = { ...config.vars, ...vars };
  const name = (config as { name?: string }).name ?? "worker";
  const outPath = join(outDir, `${name}.wrangler.json`);
  writeFileSync(outPath, JSON.stringify(config, null, 2), { mode: 0o600 });
  return outPath;
}
