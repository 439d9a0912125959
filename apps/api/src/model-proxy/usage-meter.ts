import { parseEvent, passThrough } from "@openclaw-cloud/http-kit";

/** A model call's token counts: the upstream's own figures, or an estimate when it never sent them. */
export interface CallUsage {
  /** The upstream's completion id (`chatcmpl-…`), when it named one. */
  id: string | null;
  inputTokens: number;
  outputTokens: number;
  totalTokens: number;
  /** True when the call ended (cancelled, failed) before the upstream reported usage. */
  estimated: boolean;
}

/** A whole (non-streamed) answer is parsed for its usage only up to this size; a larger one is estimated. */
const MAX_WHOLE_ANSWER_CHARS = 8 * 1024 * 1024;
/** What a token is taken to be when usage must be estimated (OpenAI's rule of thumb). */
const CHARS_PER_TOKEN = 4;

/** What a call may generate when it names no limit of its own: what is held for it until it settles. */
const DEFAULT_OUTPUT_HOLD_TOKENS = 4096;

/** The most tokens a call may cost, as held before it: its prompt (estimated) and its output limit. */
export function mostTokens(requestChars: number, maxOutputTokens: number | null): number {
  return Math.ceil(requestChars / CHARS_PER_TOKEN) + (maxOutputTokens ?? DEFAULT_OUTPUT_HOLD_TOKENS);
}

const count = (value: unknown): number => (typeof value === "number" && Number.isFinite(value) && value > 0 ? Math.floor(value) : 0);

/**
 * Reads an OpenAI chat completions answer as it passes: a stream's chunks (the usage chunk
 * that `stream_options.include_usage` asks for, and how many chunks carried output), or a
 * whole answer's `usage`. Keeps only the event being assembled.
 */
export class ChatUsageReader {
  readonly #decoder = new TextDecoder();
  readonly #streamed: boolean;
  readonly #requestChars: number;
  #pending = "";
  #id: string | null = null;
  #reported: { input: number; output: number; total: number } | null = null;
  #outputChunks = 0;

  constructor(options: { streamed: boolean; requestChars: number }) {
    this.#streamed = options.streamed;
    this.#requestChars = options.requestChars;
  }

  push(chunk: Uint8Array): void {
    this.#pending += this.#decoder.decode(chunk, { stream: true });
    if (!this.#streamed) {
      if (this.#pending.length > MAX_WHOLE_ANSWER_CHARS) this.#pending = "";
      return;
    }
    let boundary: RegExpExecArray | null;
    while ((boundary = /\r?\n\r?\n/.exec(this.#pending))) {
      this.#inspect(this.#pending.slice(0, boundary.index));
      this.#pending = this.#pending.slice(boundary.index + boundary[0].length);
    }
  }

  /** The call's usage once its answer ended (completely or not). */
  usage(): CallUsage {
    if (!this.#streamed) this.#read(this.#pending);
    if (this.#reported) {
      const { input, output, total } = this.#reported;
      return { id: this.#id, inputTokens: input, outputTokens: output, totalTokens: total || input + output, estimated: false };
    }
    // Cut short: the prompt was read in full upstream, and each output chunk is about one token.
    const inputTokens = Math.ceil(this.#requestChars / CHARS_PER_TOKEN);
    return { id: this.#id, inputTokens, outputTokens: this.#outputChunks, totalTokens: inputTokens + this.#outputChunks, estimated: true };
  }

  #inspect(raw: string): void {
    const event = parseEvent(raw);
    if (!event || event.data === "[DONE]") return;
    this.#read(event.data);
  }

  #read(json: string): void {
    let data: { id?: unknown; usage?: unknown; choices?: unknown };
    try {
      data = JSON.parse(json) as typeof data;
    } catch {
      return; // not JSON: nothing to count
    }
    if (typeof data.id === "string" && data.id) this.#id ??= data.id;
    if (Array.isArray(data.choices) && data.choices.some((choice) => hasOutput(choice))) this.#outputChunks++;
    if (data.usage && typeof data.usage === "object") {
      const usage = data.usage as Record<string, unknown>;
      this.#reported = { input: count(usage.prompt_tokens), output: count(usage.completion_tokens), total: count(usage.total_tokens) };
    }
  }
}

function hasOutput(choice: unknown): boolean {
  const delta = (choice as { delta?: { content?: unknown; tool_calls?: unknown } } | null)?.delta;
  return Boolean(delta && (delta.content || delta.tool_calls));
}

/**
 * Passes an answer body through unchanged, chunk by chunk as the consumer pulls (nothing is
 * buffered ahead), and calls `onEnd` once with the call's usage when it ends, fails or is
 * cancelled: a caller that stops reading still pays for what was generated.
 */
export function meterAnswer(body: ReadableStream<Uint8Array>, reader: ChatUsageReader, onEnd: (usage: CallUsage) => void): ReadableStream<Uint8Array> {
  return passThrough(body, { onChunk: (chunk) => reader.push(chunk), onEnd: () => onEnd(reader.usage()) });
}
