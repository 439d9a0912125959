import { once } from "node:events";
import type { ServerResponse } from "node:http";
import { setTimeout as delay } from "node:timers/promises";

/** One server-sent event, already framed; `isDelta` marks frames that carry generated tokens. */
export type StreamFrame = { text: string; isDelta: boolean };

export function sseData(payload: unknown, isDelta = false): StreamFrame {
  return { text: `data: ${JSON.stringify(payload)}\n\n`, isDelta };
}

export function sseEvent(event: string, payload: unknown, isDelta = false): StreamFrame {
  return { text: `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`, isDelta };
}

export const SSE_DONE: StreamFrame = { text: "data: [DONE]\n\n", isDelta: false };

export type SseWriteOptions = {
  tokenDelayMs: number;
  /** Aborted when the client goes away or the server closes; stops the token timer. */
  signal: AbortSignal;
  onDelta(index: number, at: number): void;
};

/**
 * Writes frames as they are produced, pausing `tokenDelayMs` between delta frames.
 * Rejects with an AbortError when `signal` fires.
 */
export async function writeSseStream(res: ServerResponse, frames: Iterable<StreamFrame>, { tokenDelayMs, signal, onDelta }: SseWriteOptions): Promise<void> {
  res.writeHead(200, {
    "Content-Type": "text/event-stream; charset=utf-8",
    // Proxies and clients must pass every token through as soon as it is written.
    "Cache-Control": "no-cache",
    "X-Accel-Buffering": "no",
    Connection: "keep-alive",
  });
  res.flushHeaders();
  let deltaIndex = 0;
  for (const frame of frames) {
    signal.throwIfAborted();
    if (frame.isDelta && deltaIndex > 0 && tokenDelayMs > 0) await delay(tokenDelayMs, undefined, { signal });
    const flushed = res.write(frame.text);
    if (frame.isDelta) onDelta(deltaIndex++, performance.now());
    if (!flushed) await once(res, "drain", { signal });
  }
  res.end();
}
