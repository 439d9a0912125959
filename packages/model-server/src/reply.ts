import { countTokens, tokenize } from "./tokenizer.ts";

export const DEFAULT_MODEL = "echo-1";
export const MAX_FILLER_WORDS = 5000;
const TOOL_RESULT_PREVIEW_CHARS = 200;
const ARGUMENT_FRAGMENT_CHARS = 8;
const FILLER_VOCABULARY = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet", "kilo", "lima", "mike", "november", "oscar", "papa"];

/** One turn of a conversation, normalised from either OpenAI API dialect. */
export type ConversationMessage = {
  role: "system" | "user" | "assistant" | "tool";
  text: string;
  /** Set on tool results: the tool whose call this result answers. */
  toolName?: string;
};

/** A request in dialect-independent form, produced by each dialect's schema. */
export type ModelRequest = {
  model: string;
  stream: boolean;
  includeUsage: boolean;
  conversation: ConversationMessage[];
  toolNames: ReadonlySet<string>;
};

export type ReplyPlan = { kind: "text"; text: string } | { kind: "tool_call"; name: string; arguments: string };

export type TokenUsage = { promptTokens: number; completionTokens: number };

/** Everything a dialect needs to render a response, streamed or not. */
export type Reply = {
  requestId: string;
  /** Unix seconds. */
  created: number;
  model: string;
  includeUsage: boolean;
  plan: ReplyPlan;
  /** The pieces streamed one per delta: words of the text, or argument fragments. */
  deltas: string[];
  usage: TokenUsage;
};

export function createReply(request: ModelRequest, meta: { requestId: string; created: number }): Reply {
  const plan = planReply(request.conversation, request.toolNames);
  const deltas = plan.kind === "text" ? tokenize(plan.text) : argumentFragments(plan.arguments);
  const promptTokens = request.conversation.reduce((sum, message) => sum + countTokens(message.text), 0);
  return {
    ...meta,
    model: request.model,
    includeUsage: request.includeUsage,
    plan,
    deltas,
    usage: { promptTokens, completionTokens: deltas.length },
  };
}

/**
 * OpenClaw appends a user message holding only this block after the real one (and
 * after tool results), so it must not count as what the user said.
 */
const OPENCLAW_INTERNAL_CONTEXT = /<<<BEGIN_OPENCLAW_INTERNAL_CONTEXT>>>[\s\S]*?<<<END_OPENCLAW_INTERNAL_CONTEXT>>>/g;

/**
 * Decides the reply from the conversation alone. System messages are ignored so
 * that long agent system prompts do not leak into replies.
 */
export function planReply(conversation: readonly ConversationMessage[], toolNames: ReadonlySet<string>): ReplyPlan {
  const turns = conversation.flatMap((message): ConversationMessage[] => {
    if (message.role === "system") return [];
    if (message.role !== "user") return [message];
    const text = message.text.replace(OPENCLAW_INTERNAL_CONTEXT, "").trim();
    return text === "" ? [] : [{ ...message, text }];
  });
  const last = turns.at(-1);
  if (last?.role === "tool") {
    const preview = Array.from(last.text).slice(0, TOOL_RESULT_PREVIEW_CHARS).join("");
    return { kind: "text", text: `Tool ${last.toolName ?? "unknown"} returned: ${preview}` };
  }
  const userText = turns.findLast((message) => message.role === "user")?.text ?? "";
  return findToolCall(userText, toolNames) ?? { kind: "text", text: `Echo: ${userText}${fillerFor(userText)}` };
}

/** `[words:N]` in the user text asks for N extra deterministic words. */
function fillerFor(userText: string): string {
  const match = /\[words:(\d+)\]/.exec(userText);
  const count = Math.min(Number(match?.[1] ?? 0), MAX_FILLER_WORDS);
  let filler = "";
  for (let i = 0; i < count; i++) filler += ` ${FILLER_VOCABULARY[i % FILLER_VOCABULARY.length]}`;
  return filler;
}

/**
 * `[tool:NAME]` or `[tool:NAME {json}]` asks for a call to NAME, honoured only
 * when the request offers a tool of that name.
 */
function findToolCall(userText: string, toolNames: ReadonlySet<string>): ReplyPlan | undefined {
  for (const match of userText.matchAll(/\[tool:([\w.-]+)(?=[\s\]])/g)) {
    const name = match[1] ?? "";
    if (!toolNames.has(name)) continue;
    const args = markerArguments(userText.slice(match.index + match[0].length));
    if (args !== undefined) return { kind: "tool_call", name, arguments: args };
  }
  return undefined;
}

function markerArguments(afterName: string): string | undefined {
  const rest = afterName.trimStart();
  if (rest.startsWith("]")) return "{}";
  if (!rest.startsWith("{")) return undefined;
  // The JSON itself may contain "}]", so try every candidate end until one parses.
  for (let end = rest.indexOf("}]"); end !== -1; end = rest.indexOf("}]", end + 1)) {
    const args = parseJsonObject(rest.slice(0, end + 1));
    if (args !== undefined) return JSON.stringify(args);
  }
  return undefined;
}

function parseJsonObject(text: string): object | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Tool-call arguments stream in small fixed-size fragments, as real providers do. */
function argumentFragments(args: string): string[] {
  const fragments: string[] = [];
  for (let i = 0; i < args.length; i += ARGUMENT_FRAGMENT_CHARS) fragments.push(args.slice(i, i + ARGUMENT_FRAGMENT_CHARS));
  return fragments;
}

/** Joins the text of content parts of the given types; other parts (images, audio) are ignored. */
export function contentText(content: string | readonly { type: string; text?: string | undefined }[] | null | undefined, textPartTypes: ReadonlySet<string>): string {
  if (typeof content === "string") return content;
  return (content ?? [])
    .filter((part) => textPartTypes.has(part.type) && typeof part.text === "string")
    .map((part) => part.text)
    .join("\n");
}
