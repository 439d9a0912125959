/** One server-sent event as a client saw it, with the time it was parsed. */
export interface SseEvent {
  event: string | null;
  data: string;
  /** performance.now() when the event was complete at the client. */
  at: number;
}

/**
 * Reads an SSE body event by event as bytes arrive, so callers can observe timing
 * (first delta, gaps) and not just the final text. Stopping the iteration early (break,
 * return) cancels the body, so the request behind it ends.
 */
export async function* readSse(body: ReadableStream<Uint8Array>): AsyncGenerator<SseEvent> {
  const decoder = new TextDecoder();
  // A reader, not `for await`: browsers without async-iterable streams run this too (the website).
  const reader = body.getReader();
  let buffer = "";
  let finished = false;
  try {
    for (;;) {
      const { done, value: chunk } = await reader.read();
      if (done) break;
      buffer += decoder.decode(chunk, { stream: true });
      let boundary: number;
      while ((boundary = buffer.search(/\r?\n\r?\n/)) !== -1) {
        const raw = buffer.slice(0, boundary);
        buffer = buffer.slice(boundary).replace(/^\r?\n\r?\n/, "");
        const parsed = parseEvent(raw);
        if (parsed) yield { ...parsed, at: performance.now() };
      }
    }
    finished = true;
  } finally {
    if (!finished) await reader.cancel().catch(() => {});
  }
  const rest = parseEvent(buffer);
  if (rest) yield { ...rest, at: performance.now() };
}

export function parseEvent(raw: string): { event: string | null; data: string } | null {
  let event: string | null = null;
  const data: string[] = [];
  for (const line of raw.split(/\r?\n/)) {
    if (line.startsWith("event:")) event = line.slice(6).trim();
    else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
  }
  return event === null && data.length === 0 ? null : { event, data: data.join("\n") };
}

export async function collectSse(body: ReadableStream<Uint8Array>): Promise<SseEvent[]> {
  const events: SseEvent[] = [];
  for await (const event of readSse(body)) events.push(event);
  return events;
}
