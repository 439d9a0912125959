/**
 * Passes an SSE body through chunk by chunk. If the upstream breaks before it ends
 * (the gateway died mid-turn), the client gets a terminal `response.failed` event and
 * `[DONE]` at once instead of a hung or silently truncated stream.
 */
export function withTerminalErrorEvent(upstream: ReadableStream<Uint8Array>, onBreak: (error: unknown) => void): ReadableStream<Uint8Array> {
  const reader = upstream.getReader();
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      } catch (error) {
        onBreak(error);
        controller.enqueue(encoder.encode(terminalErrorEvent("the gateway stopped while answering; try again")));
        controller.close();
      }
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
}

export function terminalErrorEvent(message: string): string {
  const payload = { type: "response.failed", response: { status: "failed", error: { code: "gateway_unavailable", message } } };
  return `event: response.failed\ndata: ${JSON.stringify(payload)}\n\ndata: [DONE]\n\n`;
}
