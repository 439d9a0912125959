/**
 * The gateway's OpenResponses stream (`POST /api/openclaw/chat`), one server-sent event at a
 * time, as what the chat shows: text to append, the end of the turn, or its failure. Pure:
 * it takes an event's name and data, so it is tested with recorded stream text.
 */
export type TurnEvent =
  | { kind: "delta"; text: string }
  /** The turn is over; `incomplete` when the reply hit the model's output budget. */
  | { kind: "done"; incomplete: boolean }
  /** `code` is the error's code when it carried one (the runtime's `gateway_unavailable`). */
  | { kind: "failed"; code: string | null; message: string }
  /** Anything else (`response.created`, `output_item.added`, `[DONE]`, …): nothing to show. */
  | { kind: "ignore" };

/** What the gateway puts in `response.failed` (or the runtime, when the gateway died mid-turn). */
interface FailedPayload {
  response?: { error?: { code?: string; message?: string } | null } | null;
}

export function turnEventOf(event: { event: string | null; data: string }): TurnEvent {
  if (event.data === "[DONE]") return { kind: "ignore" };
  let payload: Record<string, unknown>;
  try {
    payload = JSON.parse(event.data) as Record<string, unknown>;
  } catch {
    return { kind: "ignore" };
  }
  // The `type` in the data is authoritative; the `event:` line says the same when present.
  const type = typeof payload.type === "string" ? payload.type : event.event;
  switch (type) {
    case "response.output_text.delta":
      return typeof payload.delta === "string" && payload.delta ? { kind: "delta", text: payload.delta } : { kind: "ignore" };
    case "response.completed":
      return { kind: "done", incomplete: false };
    case "response.incomplete":
      return { kind: "done", incomplete: true };
    case "response.failed": {
      const error = (payload as FailedPayload).response?.error;
      return { kind: "failed", code: error?.code ?? null, message: error?.message?.trim() || "the turn failed" };
    }
    case "error":
      return { kind: "failed", code: null, message: typeof payload.message === "string" ? payload.message : "the turn failed" };
    default:
      return { kind: "ignore" };
  }
}
