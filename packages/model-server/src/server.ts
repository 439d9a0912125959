import { randomUUID } from "node:crypto";
import { EventEmitter } from "node:events";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { ApiError, invalidBodyError } from "./api-error.ts";
import { chatCompletionsDialect } from "./chat-completions.ts";
import type { ApiDialect } from "./dialect.ts";
import { createReply, DEFAULT_MODEL, type ReplyPlan } from "./reply.ts";
import { responsesDialect } from "./responses.ts";
import { writeSseStream } from "./sse.ts";

export const MAX_BODY_BYTES = 4 * 1024 * 1024;
/** Advertised by /v1/models; requests may name any model and get it echoed back. */
export const MODEL_IDS: readonly string[] = [DEFAULT_MODEL];

export type ModelServerOptions = {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0: an ephemeral port. */
  port?: number;
  /** Pause between streamed deltas. Default 0. */
  tokenDelayMs?: number;
  /** When set, requests must send `Authorization: Bearer <apiKey>`. */
  apiKey?: string;
};

/** Emitted as each streamed delta is written; `at` is `performance.now()` time. */
export type DeltaEvent = { requestId: string; index: number; at: number };
/**
 * Emitted as each request is answered: what the reply says, under the id its answer carries
 * (`chatcmpl-<requestId>`, `resp_<requestId>`), so a test can find what a request led to.
 */
export type ReplyEvent = { requestId: string; plan: ReplyPlan };
type ServerEvents = { delta: [DeltaEvent]; reply: [ReplyEvent] };

export type ModelServer = {
  url: string;
  port: number;
  /** Aborts running streams and stops listening. Safe to call more than once. */
  close(): Promise<void>;
  /** Subscribes to streamed deltas or to replies; returns a function that unsubscribes. */
  on(event: "delta", listener: (event: DeltaEvent) => void): () => void;
  on(event: "reply", listener: (event: ReplyEvent) => void): () => void;
};

type Route = { method: "GET" | "POST"; handle(req: IncomingMessage, res: ServerResponse): Promise<void> | void };

export async function startModelServer(options: ModelServerOptions = {}): Promise<ModelServer> {
  const { host = "127.0.0.1", port = 0, tokenDelayMs = 0, apiKey } = options;
  const events = new EventEmitter<ServerEvents>();
  const activeStreams = new Set<AbortController>();

  async function complete(req: IncomingMessage, res: ServerResponse, dialect: ApiDialect): Promise<void> {
    const parsed = dialect.requestSchema.safeParse(await readJsonBody(req));
    if (!parsed.success) throw invalidBodyError(parsed.error);
    const requestId = randomUUID().replaceAll("-", "");
    const reply = createReply(parsed.data, { requestId, created: Math.floor(Date.now() / 1000) });
    events.emit("reply", { requestId, plan: reply.plan });
    if (!parsed.data.stream) return sendJson(res, 200, dialect.completion(reply));

    const controller = new AbortController();
    activeStreams.add(controller);
    // A client that goes away must stop the token timer.
    res.once("close", () => controller.abort());
    try {
      await writeSseStream(res, dialect.streamFrames(reply), {
        tokenDelayMs,
        signal: controller.signal,
        onDelta: (index, at) => events.emit("delta", { requestId, index, at }),
      });
    } catch (error) {
      if (!controller.signal.aborted) throw error;
      res.destroy();
    } finally {
      activeStreams.delete(controller);
    }
  }

  const routes = new Map<string, Route>([
    ["/v1/models", { method: "GET", handle: (_req, res) => sendJson(res, 200, modelList()) }],
    ["/v1/chat/completions", { method: "POST", handle: (req, res) => complete(req, res, chatCompletionsDialect) }],
    ["/v1/responses", { method: "POST", handle: (req, res) => complete(req, res, responsesDialect) }],
  ]);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (apiKey !== undefined && req.headers.authorization !== `Bearer ${apiKey}`) {
      throw new ApiError(401, "Incorrect API key provided.", { code: "invalid_api_key" });
    }
    const path = new URL(req.url ?? "/", "http://localhost").pathname.replace(/\/+$/, "");
    const route = routes.get(path);
    if (!route) throw new ApiError(404, `Invalid URL (${req.method} ${path})`, { code: "unknown_url" });
    if (req.method !== route.method) {
      throw new ApiError(405, `Method ${req.method} is not allowed for ${path}`, {
        code: "method_not_allowed",
        headers: { Allow: route.method },
      });
    }
    await route.handle(req, res);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => sendError(res, error));
  });
  // Each delta must leave immediately rather than wait to be coalesced.
  server.on("connection", (socket) => socket.setNoDelay(true));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });

  const address = server.address() as AddressInfo;
  const urlHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${urlHost}:${address.port}`,
    port: address.port,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        for (const stream of activeStreams) stream.abort();
        server.closeAllConnections();
      });
      return closing;
    },
    on(event: keyof ServerEvents, listener: (event: DeltaEvent & ReplyEvent) => void) {
      // The overloads pair each event with its listener; the emitter cannot see that pairing.
      const handler = listener as (event: DeltaEvent | ReplyEvent) => void;
      events.on(event, handler);
      return () => events.off(event, handler);
    },
  };
}

function modelList() {
  return { object: "list", data: MODEL_IDS.map((id) => ({ id, object: "model", created: 0, owned_by: "openclaw-cloud" })) };
}

async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const tooLarge = () => new ApiError(413, `Request body exceeds ${MAX_BODY_BYTES} bytes.`, { code: "request_too_large" });
  if (Number(req.headers["content-length"] ?? 0) > MAX_BODY_BYTES) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  // Keep reading past the limit (discarding) so the client sees the 413 rather than a reset.
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk);
  }
  if (size > MAX_BODY_BYTES) throw tooLarge();
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new ApiError(400, "We could not parse the JSON body of your request.", { code: "invalid_json" });
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...headers, "Content-Type": "application/json" });
  res.end(JSON.stringify(body));
}

function sendError(res: ServerResponse, error: unknown): void {
  // Mid-stream, or once the client has gone, there is no one to report an error to.
  if (res.headersSent || res.destroyed) {
    res.destroy();
    return;
  }
  if (!(error instanceof ApiError)) console.error("model-server: unexpected error", error);
  const apiError = error instanceof ApiError ? error : new ApiError(500, "The model server failed to handle the request.", { type: "server_error" });
  sendJson(res, apiError.status, apiError, apiError.headers);
}
