import type { ThreadMessageLike } from "@assistant-ui/react";
import { isObject, stringOf, toolPayload } from "./tool-result.ts";

/**
 * The gateway's `sessions_history` as the chat's initial messages: user and assistant
 * turns with their text, oldest first. Tool calls, thinking and tool results are left
 * out (the gateway strips tool results already). Pure, tested with recorded results.
 */
export interface HistoryView {
  messages: ThreadMessageLike[];
  /** The gateway's own refusal (`{ status: "error", error }`), e.g. a session it does not know yet. */
  problem: string | null;
}

export function historyOf(result: unknown): HistoryView {
  const payload = toolPayload(result);
  if (!payload) return { messages: [], problem: null };
  if (!Array.isArray(payload.messages)) {
    const problem = stringOf(payload.error) ?? null;
    return { messages: [], problem };
  }
  const messages: ThreadMessageLike[] = [];
  payload.messages.forEach((raw, index) => {
    if (!isObject(raw)) return;
    const role = raw.role;
    if (role !== "user" && role !== "assistant") return;
    const text = textOf(raw.content);
    if (!text.trim()) return;
    const id = (isObject(raw.__openclaw) && stringOf(raw.__openclaw.id)) || `history-${index}`;
    const createdAt = timeOf(raw.timestamp);
    messages.push({
      id,
      role,
      content: [{ type: "text", text: role === "user" ? stripEnvelope(text) : text }],
      ...(createdAt ? { createdAt } : {}),
      ...(role === "assistant" ? { status: { type: "complete", reason: "stop" } as const } : {}),
    });
  });
  return { messages, problem: null };
}

/** A message's text: a string, or the text parts of a content array joined. */
function textOf(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content
    .map((part) => (isObject(part) && part.type === "text" && typeof part.text === "string" ? part.text : ""))
    .filter(Boolean)
    .join("\n\n");
}

function timeOf(value: unknown): Date | null {
  if (typeof value !== "number" && typeof value !== "string") return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * OpenClaw stores some user turns with an envelope line in front (`[Sun 2026-11-29 09:30 UTC] hello`);
 * the person wrote only what follows it.
 */
function stripEnvelope(text: string): string {
  return text.replace(/^\[[A-Z][a-z]{2} \d{4}-\d{2}-\d{2} \d{2}:\d{2}(?::\d{2})?(?: [A-Z+\-0-9:]+)?\]\s*/, "");
}
