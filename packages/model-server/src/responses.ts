import { z } from "zod";
import type { ApiDialect } from "./dialect.ts";
import { contentText, DEFAULT_MODEL, type ConversationMessage, type Reply } from "./reply.ts";
import { sseEvent, type StreamFrame } from "./sse.ts";

const TEXT_PART_TYPES: ReadonlySet<string> = new Set(["input_text", "output_text", "text"]);

const content = z.union([z.string(), z.array(z.looseObject({ type: z.string(), text: z.string().optional() }))]);

/** Input items are matched loosely: only messages and function calls/outputs matter here. */
const inputItem = z.looseObject({
  type: z.string().optional(),
  role: z.string().optional(),
  content: content.optional(),
  call_id: z.string().optional(),
  name: z.string().optional(),
  output: content.optional(),
});

export const responsesRequestSchema = z
  .looseObject({
    model: z.string().min(1).default(DEFAULT_MODEL),
    input: z.union([z.string(), z.array(inputItem)]),
    instructions: z.string().nullish(),
    stream: z.boolean().nullish(),
    tools: z.array(z.looseObject({ type: z.string(), name: z.string().optional() })).nullish(),
  })
  .transform((request) => ({
    model: request.model,
    stream: request.stream ?? false,
    includeUsage: true,
    conversation: [
      ...(request.instructions ? [{ role: "system" as const, text: request.instructions }] : []),
      ...(typeof request.input === "string" ? [{ role: "user" as const, text: request.input }] : conversationOf(request.input)),
    ],
    toolNames: new Set((request.tools ?? []).flatMap((tool) => (tool.type === "function" && tool.name ? [tool.name] : []))),
  }));

function conversationOf(items: readonly z.infer<typeof inputItem>[]): ConversationMessage[] {
  const toolNamesByCallId = new Map<string, string>();
  return items.flatMap((item): ConversationMessage[] => {
    switch (item.type ?? "message") {
      case "message": {
        const text = contentText(item.content, TEXT_PART_TYPES);
        if (item.role === "system" || item.role === "developer") return [{ role: "system", text }];
        return [{ role: item.role === "assistant" ? "assistant" : "user", text }];
      }
      case "function_call":
        if (item.call_id && item.name) toolNamesByCallId.set(item.call_id, item.name);
        return [{ role: "assistant", text: "" }];
      case "function_call_output":
        return [{ role: "tool", text: contentText(item.output, TEXT_PART_TYPES), toolName: toolNamesByCallId.get(item.call_id ?? "") }];
      default:
        return [];
    }
  });
}

type Status = "in_progress" | "completed";

function outputItem(reply: Reply, status: Status) {
  const { plan } = reply;
  if (plan.kind === "tool_call") {
    return {
      id: `fc_${reply.requestId}`,
      type: "function_call",
      status,
      call_id: `call_${reply.requestId}`,
      name: plan.name,
      arguments: status === "completed" ? plan.arguments : "",
    };
  }
  return {
    id: `msg_${reply.requestId}`,
    type: "message",
    role: "assistant",
    status,
    content: status === "completed" ? [outputText(plan.text)] : [],
  };
}

function outputText(text: string) {
  return { type: "output_text", text, annotations: [], logprobs: [] };
}

function response(reply: Reply, status: Status) {
  const { promptTokens, completionTokens } = reply.usage;
  return {
    id: `resp_${reply.requestId}`,
    object: "response",
    created_at: reply.created,
    status,
    error: null,
    incomplete_details: null,
    model: reply.model,
    output: status === "completed" ? [outputItem(reply, status)] : [],
    parallel_tool_calls: true,
    tool_choice: "auto",
    tools: [],
    text: { format: { type: "text" } },
    usage:
      status === "completed"
        ? {
            input_tokens: promptTokens,
            input_tokens_details: { cached_tokens: 0 },
            output_tokens: completionTokens,
            output_tokens_details: { reasoning_tokens: 0 },
            total_tokens: promptTokens + completionTokens,
          }
        : null,
  };
}

export function responseBody(reply: Reply) {
  return response(reply, "completed");
}

/** The event sequence of a real Responses stream, for one output item. */
export function* responseFrames(reply: Reply): Generator<StreamFrame> {
  let sequenceNumber = 0;
  const event = (type: string, fields: object, isDelta = false) => sseEvent(type, { type, sequence_number: sequenceNumber++, ...fields }, isDelta);
  const position = { output_index: 0 };

  yield event("response.created", { response: response(reply, "in_progress") });
  yield event("response.in_progress", { response: response(reply, "in_progress") });
  yield event("response.output_item.added", { ...position, item: outputItem(reply, "in_progress") });
  const { plan } = reply;
  if (plan.kind === "text") {
    const part = { ...position, item_id: `msg_${reply.requestId}`, content_index: 0 };
    yield event("response.content_part.added", { ...part, part: outputText("") });
    for (const delta of reply.deltas) yield event("response.output_text.delta", { ...part, delta, logprobs: [] }, true);
    yield event("response.output_text.done", { ...part, text: plan.text, logprobs: [] });
    yield event("response.content_part.done", { ...part, part: outputText(plan.text) });
  } else {
    const call = { ...position, item_id: `fc_${reply.requestId}` };
    for (const delta of reply.deltas) yield event("response.function_call_arguments.delta", { ...call, delta }, true);
    yield event("response.function_call_arguments.done", { ...call, name: plan.name, arguments: plan.arguments });
  }
  yield event("response.output_item.done", { ...position, item: outputItem(reply, "completed") });
  yield event("response.completed", { response: response(reply, "completed") });
}

export const responsesDialect: ApiDialect = {
  requestSchema: responsesRequestSchema,
  completion: responseBody,
  streamFrames: responseFrames,
};
