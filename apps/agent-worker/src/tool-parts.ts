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

/**
 * The transcript with no tool output left marked `preliminary`, or null when none was. A
 * generator tool's progress is preliminary while its turn streams; once the turn is over,
 * what is stored must read as the final result. The SDK leaves the flag on an output that
 * ended in an error (it sets only the state), and a finished continuation has been seen
 * stored with its last progress still flagged, which the website shows as "In progress".
 */
export function settlePreliminaryOutputs(messages: readonly UIMessage[]): UIMessage[] | null {
  let changed = false;
  const settled = messages.map((message) => {
    if (message.role !== "assistant" || !message.parts.some(isPreliminary)) return message;
    changed = true;
    return { ...message, parts: message.parts.map((part) => (isPreliminary(part) ? withoutPreliminary(part) : part)) };
  });
  return changed ? settled : null;
}

function isPreliminary(part: UIMessage["parts"][number]): boolean {
  return (part as { preliminary?: unknown }).preliminary === true;
}

function withoutPreliminary(part: UIMessage["parts"][number]): UIMessage["parts"][number] {
  const { preliminary: _preliminary, ...rest } = part as UIMessage["parts"][number] & { preliminary?: boolean };
  return rest as UIMessage["parts"][number];
}
