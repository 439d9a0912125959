import type { z } from "zod";
import { HttpError } from "./http-error.ts";

export const MAX_JSON_BODY_BYTES = 1024 * 1024;

/**
 * Reads and validates a JSON body: too large → 413, not JSON → 400 invalid_json,
 * wrong shape → 400 invalid_request with the first issue's path. Reads at most the
 * limit, so an oversized body is refused without buffering all of it.
 */
export async function readJsonBody<T>(request: Request, schema: z.ZodType<T>, options: { allowEmpty?: boolean; maxBytes?: number } = {}): Promise<T> {
  const maxBytes = options.maxBytes ?? MAX_JSON_BODY_BYTES;
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const text = await readLimited(request, maxBytes);
  let value: unknown;
  if (text.trim() === "" && options.allowEmpty) value = {};
  else {
    try {
      value = JSON.parse(text);
    } catch {
      throw new HttpError("invalid_json", 400, "request body is not valid JSON");
    }
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join(".") : "body";
    throw new HttpError("invalid_request", 400, `${where}: ${issue?.message ?? "invalid"}`, { issues: parsed.error.issues.slice(0, 10).map((i) => ({ path: i.path.join("."), message: i.message })) });
  }
  return parsed.data;
}

async function readLimited(request: Request, maxBytes: number): Promise<string> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const joined = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(joined);
}

function tooLarge(maxBytes: number): HttpError {
  return new HttpError("payload_too_large", 413, `request body exceeds ${maxBytes} bytes`);
}
