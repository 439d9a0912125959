/**
 * A copy of one turn's UI message stream for an HTTP caller (`/internal/chat`), taken as
 * the agent streams it (no buffering). The agent reads its own branch to persist and
 * broadcast the turn; the caller's branch stays open until `close`, after the turn has
 * been persisted and its approvals recorded, so a caller that reads to the end can act on it.
 */
export class ResponseTap {
  readonly readable: ReadableStream<Uint8Array>;
  readonly #writable: WritableStream<Uint8Array>;
  #piped: Promise<void> = Promise.resolve();

  constructor() {
    const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
    this.readable = readable;
    this.#writable = writable;
  }

  /** Splits a turn's response: one branch goes to the caller, the returned one to the agent. */
  attach(response: Response): Response {
    if (!response.body) return response;
    const [forAgent, forCaller] = response.body.tee();
    // A caller that went away must not stop the turn: its branch just stops being read.
    this.#piped = forCaller.pipeTo(this.#writable, { preventClose: true }).catch(() => {});
    return new Response(forAgent, response);
  }

  /** Ends the caller's stream, with a UI message stream error chunk when the turn failed. */
  async close(errorText?: string): Promise<void> {
    await this.#piped;
    const writer = this.#writable.getWriter();
    try {
      if (errorText) await writer.write(new TextEncoder().encode(`data: ${JSON.stringify({ type: "error", errorText })}\n\n`));
      await writer.close();
    } catch {
      // The caller is gone: nothing to end.
    }
  }
}
