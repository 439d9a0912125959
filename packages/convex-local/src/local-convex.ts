import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { convexTest } from "convex-test";
import { CONVEX_DIR, convexModules } from "./convex-modules.ts";
import { databaseInternals, lastCommit, restoreSnapshot, takeSnapshot, type DatabaseInternals } from "./database-snapshot.ts";
import { claimProcessEnv } from "./process-env.ts";
import { readSnapshotFile, writeSnapshotFile } from "./snapshot-file.ts";

export type LocalConvexOptions = {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** The snapshot file: read at start, rewritten after every request that changed data. */
  dataFile: string;
  /** Required in `x-oa-control-key`; becomes the functions' `OA_CONTROL_KEY`. */
  controlKey: string;
  /** More environment for the functions, e.g. `OPENCLAW_ENCRYPTION_KEY`. */
  env?: Record<string, string>;
};

export type LocalConvex = { url: string; close(): Promise<void> };

/** Larger than the control routes' own 1 MiB body limit, so theirs is the one callers meet. */
const MAX_REQUEST_BYTES = 2 * 1024 * 1024;

class RequestTooLarge extends Error {}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_REQUEST_BYTES) throw new RequestTooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function requestHeaders(request: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  return headers;
}

function sendError(response: ServerResponse, status: number, code: string, message: string): void {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify({ error: { code, message } }));
}

/**
 * Saves after commits, one write at a time. A commit that changed nothing on disk (a
 * read-only mutation) skips the write. Each caller's promise settles once a snapshot that
 * includes everything committed before the call is on disk.
 */
function snapshotWriter(internals: DatabaseInternals, dataFile: string): () => Promise<void> {
  let savedCommit = lastCommit(internals);
  let savedState = JSON.stringify(takeSnapshot(internals).documents);
  let queue: Promise<void> = Promise.resolve();
  async function save(): Promise<void> {
    const commit = lastCommit(internals);
    if (commit === savedCommit) return;
    const snapshot = takeSnapshot(internals);
    const state = JSON.stringify(snapshot.documents);
    if (state !== savedState) await writeSnapshotFile(dataFile, JSON.stringify(snapshot));
    savedCommit = commit;
    savedState = state;
  }
  return () => {
    const saved = queue.then(save);
    queue = saved.catch(() => {});
    return saved;
  };
}

/**
 * The local default for Convex: the real functions and HTTP routes of `convex/`, run
 * in-process by convex-test, served over HTTP on loopback like a deployment's
 * `.convex.site`, persisted to `dataFile` so data survives restarts.
 */
export async function startLocalConvex(options: LocalConvexOptions): Promise<LocalConvex> {
  const releaseEnv = claimProcessEnv({ ...options.env, OA_CONTROL_KEY: options.controlKey });
  try {
    const modules = convexModules();
    const schema = (await import(pathToFileURL(join(CONVEX_DIR, "schema.ts")).href)).default;
    const t = convexTest(schema, modules);
    const internals = await databaseInternals(t);
    const saved = await readSnapshotFile(options.dataFile);
    if (saved) restoreSnapshot(internals, saved);
    const persist = snapshotWriter(internals, options.dataFile);

    async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
      try {
        const method = request.method ?? "GET";
        const body = await readBody(request);
        const answer = await t.fetch(request.url ?? "/", {
          method,
          headers: requestHeaders(request),
          body: method === "GET" || method === "HEAD" || body.length === 0 ? undefined : new Uint8Array(body),
        });
        const payload = Buffer.from(await answer.arrayBuffer());
        await persist();
        response.writeHead(answer.status, Object.fromEntries(answer.headers));
        response.end(payload);
      } catch (error) {
        if (error instanceof RequestTooLarge) {
          sendError(response, 413, "payload_too_large", `request body exceeds ${MAX_REQUEST_BYTES} bytes`);
        } else {
          console.error("convex-local: request failed", error);
          sendError(response, 500, "internal", "internal error");
        }
      }
    }

    const server = createServer((request, response) => void handle(request, response));
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(options.port ?? 0, "127.0.0.1", resolve);
    });
    const { port } = server.address() as AddressInfo;
    return {
      url: `http://127.0.0.1:${port}`,
      async close() {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await persist();
        releaseEnv();
      },
    };
  } catch (error) {
    releaseEnv();
    throw error;
  }
}
