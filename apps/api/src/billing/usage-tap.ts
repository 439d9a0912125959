import { parseEvent } from "@openclaw-cloud/http-kit";
import { usageOfResponse, type TurnUsage } from "./credits.ts";

/** Terminal OpenResponses events; each carries the final response object with its usage. */
const TERMINAL_EVENTS = new Set(["response.completed", "response.incomplete", "response.failed"]);
const TERMINAL_EVENT_MENTION = /response\.(?:completed|incomplete|failed)/;
/** A terminal event repeats the whole reply; past this size it is not parsed (and not billed). */
const MAX_EVENT_CHARS = 8 * 1024 * 1024;

/**
 * Watches SSE text as it passes and reports the usage of the first terminal event.
 * Keeps only the event being assembled, and only when it may be a terminal one.
 */
export class SseUsageScanner {
  readonly #decoder = new TextDecoder();
  #pending = "";
  #usage: TurnUsage | null = null;

  get usage(): TurnUsage | null {
    return this.#usage;
  }

  push(chunk: Uint8Array): void {
    if (this.#usage) return;
    this.#pending += this.#decoder.decode(chunk, { stream: true });
    let boundary: RegExpExecArray | null;
    while (!this.#usage && (boundary = /\r?\n\r?\n/.exec(this.#pending))) {
      this.#inspect(this.#pending.slice(0, boundary.index));
      this.#pending = this.#pending.slice(boundary.index + boundary[0].length);
    }
    if (this.#pending.length > MAX_EVENT_CHARS) this.#pending = "";
  }

  #inspect(raw: string): void {
    if (!TERMINAL_EVENT_MENTION.test(raw)) return;
    const event = parseEvent(raw);
    if (!event || event.data === "[DONE]") return;
    try {
      const data = JSON.parse(event.data) as { type?: string; response?: unknown };
      if (TERMINAL_EVENTS.has(event.event ?? data.type ?? "")) this.#usage = usageOfResponse(data.response);
    } catch {
      // not JSON: not an event we bill from
    }
  }
}

/**
 * Passes an SSE body through unchanged, chunk by chunk as the consumer pulls (nothing is
 * buffered), and calls `onEnd` once with the turn's usage when the stream ends, fails or
 * is cancelled by the client (usage null if no terminal event passed).
 */
export function tapUsage(body: ReadableStream<Uint8Array>, onEnd: (usage: TurnUsage | null) => void): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  const scanner = new SseUsageScanner();
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    onEnd(scanner.usage);
  };
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const { done, value } = await reader.read();
          if (done) {
            controller.close();
            end();
            return;
          }
          controller.enqueue(value);
          scanner.push(value);
        } catch (error) {
          controller.error(error);
          end();
        }
      },
      async cancel(reason) {
        end();
        await reader.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
}
