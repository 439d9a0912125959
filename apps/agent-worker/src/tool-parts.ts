import type { UIMessage } from "ai";

/** A tool call as it sits in a persisted assistant message, whichever kind of tool part it is. */
export interface ToolCallPart {
  toolName: string;
  toolCallId: string;
  state: string;
  input: Record<string, unknown>;
}

/** The tool part of `part`, or null for text and other parts. */
export function toolCallOf(part: UIMessage["parts"][number]): ToolCallPart | null {
  const candidate = part as { type: string; toolName?: string; toolCallId?: string; state?: string; input?: unknown };
  if (typeof candidate.toolCallId !== "string" || typeof candidate.state !== "string") return null;
  const toolName = candidate.type === "dynamic-tool" ? candidate.toolName : candidate.type.startsWith("tool-") ? candidate.type.slice(5) : undefined;
  if (!toolName) return null;
  const input = candidate.input && typeof candidate.input === "object" ? (candidate.input as Record<string, unknown>) : {};
  return { toolName, toolCallId: candidate.toolCallId, state: candidate.state, input };
}

/** Every tool call of the transcript. */
export function toolCalls(messages: readonly UIMessage[]): ToolCallPart[] {
  return messages.flatMap((message) => (message.role === "assistant" ? message.parts.map(toolCallOf).filter((call) => call !== null) : []));
}

/** The text of the last user message: what a turn reports as its `userText`. */
export function lastUserText(messages: readonly UIMessage[]): string {
  const user = messages.findLast((message) => message.role === "user");
  return (user?.parts ?? []).flatMap((part) => (part.type === "text" ? [part.text] : [])).join("\n");
}
