/**
 * Passes an SSE body through chunk by chunk. If the upstream breaks before it ends
 * (the gateway died mid-turn), the client gets a terminal `response.failed` event and
 * `[DONE]` at once instead of a hung or silently truncated stream. `onEnd` runs once,
 * however the stream ends (done, broken or cancelled by the client).
 */
export function withTerminalErrorEvent(upstream: ReadableStream<Uint8Array>, { onBreak, onEnd }: { onBreak: (error: unknown) => void; onEnd: () => void }): ReadableStream<Uint8Array> {
  const reader = upstream.getReader();
  const encoder = new TextEncoder();
  // A cancel also settles the read in flight; what follows it is no break of the gateway's.
  let ended = false;
  const end = () => {
    if (ended) return false;
    ended = true;
    onEnd();
    return true;
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (ended) return;
        if (!done) return controller.enqueue(value);
        end();
        controller.close();
      } catch (error) {
        if (!end()) return;
        onBreak(error);
        controller.enqueue(encoder.encode(terminalErrorEvent("the gateway stopped while answering; try again")));
        controller.close();
      }
    },
    cancel(reason) {
      end();
      return reader.cancel(reason);
    },
  });
}

export function terminalErrorEvent(message: string): string {
  const payload = { type: "response.failed", response: { status: "failed", error: { code: "gateway_unavailable", message } } };
  return `event: response.failed\ndata: ${JSON.stringify(payload)}\n\ndata: [DONE]\n\n`;
}
