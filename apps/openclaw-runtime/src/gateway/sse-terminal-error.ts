import { passThrough } from "@openclaw-cloud/http-kit";

/** The two streaming APIs a gateway answers turns in: OpenResponses and OpenAI chat completions. */
export type TurnDialect = "responses" | "chat-completions";

/**
 * Passes an SSE body through chunk by chunk. If the upstream breaks before it ends
 * (the gateway died mid-turn), the client gets a terminal error event in the stream's own
 * dialect and `[DONE]` at once instead of a hung or silently truncated stream. `onEnd`
 * runs once, however the stream ends (done, broken or cancelled by the client).
 */
export function withTerminalErrorEvent(
  upstream: ReadableStream<Uint8Array>,
  { onBreak, onEnd, dialect = "responses" }: { onBreak: (error: unknown) => void; onEnd: () => void; dialect?: TurnDialect },
): ReadableStream<Uint8Array> {
  return passThrough(upstream, {
    onEnd: (end) => {
      onEnd();
      if (end.kind === "broken") onBreak(end.error);
    },
    finalChunk: () => new TextEncoder().encode(terminalErrorEvent("the gateway stopped while answering; try again", dialect)),
  });
}

/** The last events of a turn that failed: `response.failed` for OpenResponses, an `error` chunk (as OpenAI streams one) for chat completions. */
export function terminalErrorEvent(message: string, dialect: TurnDialect = "responses"): string {
  if (dialect === "chat-completions") return `data: ${JSON.stringify({ error: { message, type: "server_error", code: "gateway_unavailable" } })}\n\ndata: [DONE]\n\n`;
  const payload = { type: "response.failed", response: { status: "failed", error: { code: "gateway_unavailable", message } } };
  return `event: response.failed\ndata: ${JSON.stringify(payload)}\n\ndata: [DONE]\n\n`;
}
