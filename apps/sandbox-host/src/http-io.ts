import type { IncomingMessage, ServerResponse } from "node:http";
import { STATUS_CODES } from "node:http";
import { PassThrough, type Duplex, type Readable } from "node:stream";
import { z } from "zod";
import { errorBody, HttpError } from "./errors.ts";

const MAX_JSON_BYTES = 1024 * 1024;

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(payload) });
  res.end(payload);
}

/** Converts anything thrown by a handler into a JSON error; unexpected errors become 500 without details. */
export function toHttpError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  console.error("sandbox-host: unexpected error:", error instanceof Error ? error.stack : error);
  return new HttpError("internal_error", 500, "unexpected error in the sandbox host");
}

export function sendError(req: IncomingMessage, res: ServerResponse, error: unknown): void {
  const httpError = toHttpError(error);
  if (res.headersSent) {
    res.destroy(); // a stream already started: breaking it is the only honest signal left
    return;
  }
  // An unread request body cannot be skipped cheaply: close the connection instead of draining it.
  if (!req.complete) res.setHeader("connection", "close");
  sendJson(res, httpError.status, errorBody(httpError));
}

/** Answers on a raw socket (an upgrade request that must be refused). */
export function writeRawJsonError(socket: Duplex, error: HttpError): void {
  const payload = JSON.stringify(errorBody(error));
  socket.end(
    `HTTP/1.1 ${error.status} ${STATUS_CODES[error.status] ?? ""}\r\n` +
      "content-type: application/json; charset=utf-8\r\n" +
      `content-length: ${Buffer.byteLength(payload)}\r\n` +
      "connection: close\r\n\r\n" +
      payload,
  );
}

function tooLarge(maxBytes: number): HttpError {
  return new HttpError("payload_too_large", 413, `request bodies are limited to ${maxBytes} bytes`);
}

/** Declared Content-Length above the limit, checked before reading anything. */
export function assertContentLength(req: IncomingMessage, maxBytes: number): void {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
}

/**
 * The request body as a stream that can be abandoned (e.g. at a size limit) without
 * destroying the request, which would reset the socket before an error reply is sent.
 */
export function detachedBody(req: IncomingMessage): Readable {
  const body = new PassThrough();
  req.pipe(body);
  req.once("error", (error) => body.destroy(error));
  req.once("close", () => {
    if (!req.complete) body.destroy(new HttpError("request_aborted", 400, "the request body ended early"));
  });
  return body;
}

async function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  assertContentLength(req, maxBytes);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of detachedBody(req) as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw tooLarge(maxBytes);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

export async function readJson<Schema extends z.ZodType>(req: IncomingMessage, schema: Schema): Promise<z.output<Schema>> {
  const raw = (await readBody(req, MAX_JSON_BYTES)).toString("utf8");
  let value: unknown;
  try {
    value = raw.trim() === "" ? {} : JSON.parse(raw);
  } catch {
    throw new HttpError("invalid_json", 400, "request body is not valid JSON");
  }
  return parseInput(schema, value);
}

export function parseInput<Schema extends z.ZodType>(schema: Schema, value: unknown): z.output<Schema> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new HttpError("invalid_request", 400, z.prettifyError(parsed.error));
  return parsed.data;
}
