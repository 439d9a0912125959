import { z } from "zod";
import type { ApiDialect } from "./dialect.ts";
import { contentText, DEFAULT_MODEL, type ConversationMessage, type Reply } from "./reply.ts";
import { SSE_DONE, sseData, type StreamFrame } from "./sse.ts";

const TEXT_PART_TYPES: ReadonlySet<string> = new Set(["text"]);

const content = z.union([z.string(), z.array(z.looseObject({ type: z.string(), text: z.string().optional() }))]).nullish();

const message = z.looseObject({
  role: z.enum(["system", "developer", "user", "assistant", "tool", "function"]),
  content,
  name: z.string().optional(),
  tool_call_id: z.string().optional(),
  tool_calls: z.array(z.looseObject({ id: z.string(), function: z.looseObject({ name: z.string() }) })).nullish(),
});

export const chatCompletionRequestSchema = z
  .looseObject({
    model: z.string().min(1).default(DEFAULT_MODEL),
    messages: z.array(message).min(1),
    stream: z.boolean().nullish(),
    stream_options: z.looseObject({ include_usage: z.boolean().optional() }).nullish(),
    tools: z.array(z.looseObject({ type: z.string(), function: z.looseObject({ name: z.string() }).optional() })).nullish(),
  })
  .transform((request) => ({
    model: request.model,
    stream: request.stream ?? false,
    includeUsage: request.stream_options?.include_usage ?? false,
    conversation: conversationOf(request.messages),
    toolNames: new Set((request.tools ?? []).flatMap((tool) => (tool.function ? [tool.function.name] : []))),
  }));

function conversationOf(messages: readonly z.infer<typeof message>[]): ConversationMessage[] {
  const toolNamesByCallId = new Map<string, string>();
  return messages.map((entry) => {
    for (const call of entry.tool_calls ?? []) toolNamesByCallId.set(call.id, call.function.name);
    const text = contentText(entry.content, TEXT_PART_TYPES);
    switch (entry.role) {
      case "system":
      case "developer":
        return { role: "system", text };
      case "tool":
      case "function":
        return { role: "tool", text, toolName: entry.name ?? toolNamesByCallId.get(entry.tool_call_id ?? "") };
      default:
        return { role: entry.role, text };
    }
  });
}

function usageOf(reply: Reply) {
  const { promptTokens, completionTokens } = reply.usage;
  return { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens };
}

function toolCallOf(reply: Reply, name: string, args: string) {
  return { id: `call_${reply.requestId}`, type: "function", function: { name, arguments: args } };
}

function finishReason(reply: Reply) {
  return reply.plan.kind === "tool_call" ? "tool_calls" : "stop";
}

export function chatCompletion(reply: Reply) {
  const { plan } = reply;
  return {
    id: `chatcmpl-${reply.requestId}`,
    object: "chat.completion",
    created: reply.created,
    model: reply.model,
    choices: [
      {
        index: 0,
        message:
          plan.kind === "text"
            ? { role: "assistant", content: plan.text, refusal: null }
            : { role: "assistant", content: null, refusal: null, tool_calls: [toolCallOf(reply, plan.name, plan.arguments)] },
        logprobs: null,
        finish_reason: finishReason(reply),
      },
    ],
    usage: usageOf(reply),
  };
}

export function* chatCompletionFrames(reply: Reply): Generator<StreamFrame> {
  const chunk = (choices: unknown[], usage: unknown = null) => ({
    id: `chatcmpl-${reply.requestId}`,
    object: "chat.completion.chunk",
    created: reply.created,
    model: reply.model,
    choices,
    // OpenAI sends `usage: null` on every chunk when usage was requested.
    ...(reply.includeUsage ? { usage } : {}),
  });
  const choice = (delta: object, finish: string | null = null) => ({ index: 0, delta, logprobs: null, finish_reason: finish });

  const { plan } = reply;
  if (plan.kind === "text") {
    yield sseData(chunk([choice({ role: "assistant", content: "" })]));
    for (const piece of reply.deltas) yield sseData(chunk([choice({ content: piece })]), true);
  } else {
    // The first tool-call chunk names the call; the following ones append argument fragments.
    yield sseData(chunk([choice({ role: "assistant", content: null, tool_calls: [{ index: 0, ...toolCallOf(reply, plan.name, "") }] })]));
    for (const piece of reply.deltas) {
      yield sseData(chunk([choice({ tool_calls: [{ index: 0, function: { arguments: piece } }] })]), true);
    }
  }
  yield sseData(chunk([choice({}, finishReason(reply))]));
  if (reply.includeUsage) yield sseData(chunk([], usageOf(reply)));
  yield SSE_DONE;
}

export const chatCompletionsDialect: ApiDialect = {
  requestSchema: chatCompletionRequestSchema,
  completion: chatCompletion,
  streamFrames: chatCompletionFrames,
};
