import { readFileSync, watch, type FSWatcher } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { bundleWorker, bundledWorkerOptions, type BundledWorkerOptions } from "./worker-bundle.ts";

export interface WorkersHostOptions {
  /** Wrangler configs with the stack's vars merged in (see writeDevConfig); the first answers on `port`. */
  configs: string[];
  port: number;
  /** Durable Objects and R2 persist here, laid out as `wrangler dev --persist-to` does. */
  persistDir: string;
  /** Where the bundles are written. */
  buildDir: string;
  /** Rebundle and reload the workers when files under these change (`npm run dev`); none in tests. */
  watchDirs?: string[];
  /** Workers (by name) that also answer on a loopback port of their own, besides the front door. */
  directPorts?: Record<string, number>;
  /** workerd's inspector (Chrome DevTools protocol), one target per worker. */
  inspectorPort?: number;
}

export interface MiniflareInstance {
  ready: Promise<URL>;
  setOptions(options: unknown): Promise<void>;
  dispose(): Promise<void>;
}

export interface MiniflareModule {
  Miniflare: new (options: unknown) => MiniflareInstance;
  convertV4MiniflareOptions(options: unknown): unknown;
}

/** The Miniflare wrangler itself runs, so its options translation and workerd match wrangler's. */
export async function loadMiniflare(): Promise<MiniflareModule> {
  const fromWrangler = createRequire(createRequire(import.meta.url).resolve("wrangler/package.json"));
  return (await import(pathToFileURL(fromWrangler.resolve("miniflare")).href)) as MiniflareModule;
}

const RELOAD_DEBOUNCE_MS = 300;

/**
 * The workers served by Miniflare straight from workerd's own socket. `wrangler dev`
 * would put its proxy worker (a second workerd and an HTTP hop) in front of every
 * request; serving the bundles directly keeps local latency close to what the workers
 * themselves add. Returns the front door's URL and a stop function.
 */
export async function startWorkersHost(options: WorkersHostOptions, log: (line: string) => void): Promise<{ url: string; stop(): Promise<void> }> {
  const { Miniflare, convertV4MiniflareOptions } = await loadMiniflare();
  const build = async () => {
    const workers: BundledWorkerOptions[] = await Promise.all(
      options.configs.map(async (config) => {
        const { name } = JSON.parse(readFileSync(config, "utf8")) as { name: string };
        const worker = bundledWorkerOptions(config, name, await bundleWorker(config, join(options.buildDir, name)));
        const directPort = options.directPorts?.[name];
        return directPort ? { ...worker, unsafeDirectSockets: [{ host: "127.0.0.1", port: directPort }] } : worker;
      }),
    );
    return convertV4MiniflareOptions({
      host: "127.0.0.1",
      port: options.port,
      resourcePersistencePath: join(options.persistDir, "v3"),
      logRequests: false,
      // Offline: the fallback `request.cf`, never a fetch of the real one from Cloudflare.
      cf: false,
      ...(options.inspectorPort ? { inspectorPort: options.inspectorPort } : {}),
      handleStructuredLogs: ({ level, message }: { level: string; message: string }) => log(`${level}: ${message}`),
      workers,
    });
  };
  const miniflare = new Miniflare(await build());
  const url = (await miniflare.ready).origin;

  const watchers: FSWatcher[] = [];
  let reloading: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const reload = () => {
    reloading = reloading
      .then(async () => {
        await miniflare.setOptions(await build());
        log("workers reloaded");
      })
      .catch((error: unknown) => log(`error: reload failed, still serving the previous build: ${(error as Error).message}`));
  };
  for (const dir of options.watchDirs ?? []) {
    watchers.push(
      watch(dir, { recursive: true }, () => {
        clearTimeout(timer);
        timer = setTimeout(reload, RELOAD_DEBOUNCE_MS);
      }),
    );
  }
  return {
    url,
    async stop() {
      clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
      await reloading;
      await miniflare.dispose();
    },
  };
}
