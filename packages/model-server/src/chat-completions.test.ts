import { describe, expect, it } from "vitest";
import { chatCompletion, chatCompletionFrames, chatCompletionRequestSchema } from "./chat-completions.ts";
import { createReply } from "./reply.ts";
import { framePayloads } from "./test-helpers.ts";

function replyFor(body: unknown) {
  return createReply(chatCompletionRequestSchema.parse(body), { requestId: "abc", created: 1700000000 });
}

describe("chatCompletionRequestSchema", () => {
  it("normalises content-part arrays, roles and tool names", () => {
    const request = chatCompletionRequestSchema.parse({
      messages: [
        { role: "developer", content: "rules" },
        {
          role: "user",
          content: [
            { type: "text", text: "hi" },
            { type: "image_url", image_url: { url: "data:" } },
          ],
        },
        { role: "assistant", content: null, tool_calls: [{ id: "c1", type: "function", function: { name: "ls", arguments: "{}" } }] },
        { role: "tool", tool_call_id: "c1", content: "files" },
      ],
      tools: [{ type: "function", function: { name: "ls", parameters: {} } }],
      stream: true,
      stream_options: { include_usage: true },
      temperature: 0.2,
    });
    expect(request).toEqual({
      model: "echo-1",
      stream: true,
      includeUsage: true,
      conversation: [
        { role: "system", text: "rules" },
        { role: "user", text: "hi" },
        { role: "assistant", text: "" },
        { role: "tool", text: "files", toolName: "ls" },
      ],
      toolNames: new Set(["ls"]),
    });
  });

  it("rejects missing messages and unknown roles", () => {
    expect(chatCompletionRequestSchema.safeParse({ model: "m" }).success).toBe(false);
    expect(chatCompletionRequestSchema.safeParse({ messages: [{ role: "robot", content: "x" }] }).success).toBe(false);
  });
});

describe("chatCompletion", () => {
  it("renders a text reply with usage", () => {
    expect(chatCompletion(replyFor({ model: "m", messages: [{ role: "user", content: "hi" }] }))).toEqual({
      id: "chatcmpl-abc",
      object: "chat.completion",
      created: 1700000000,
      model: "m",
      choices: [{ index: 0, message: { role: "assistant", content: "Echo: hi", refusal: null }, logprobs: null, finish_reason: "stop" }],
      usage: { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 },
    });
  });

  it("renders a tool call", () => {
    const completion = chatCompletion(replyFor({ messages: [{ role: "user", content: "[tool:ls]" }], tools: [{ type: "function", function: { name: "ls" } }] }));
    expect(completion.choices[0]).toMatchObject({
      message: { content: null, tool_calls: [{ id: "call_abc", type: "function", function: { name: "ls", arguments: "{}" } }] },
      finish_reason: "tool_calls",
    });
  });
});

describe("chatCompletionFrames", () => {
  it("streams a role chunk, one chunk per word, a finish chunk, a usage chunk and [DONE]", () => {
    const reply = replyFor({ messages: [{ role: "user", content: "hi you" }], stream: true, stream_options: { include_usage: true } });
    const frames = [...chatCompletionFrames(reply)];
    expect(frames.filter((frame) => frame.isDelta)).toHaveLength(3);
    const payloads = framePayloads(frames) as { choices: { delta: object; finish_reason: string | null }[]; usage: unknown }[];
    expect(payloads.map((chunk) => (typeof chunk === "string" ? chunk : chunk.choices[0]?.delta))).toEqual([
      { role: "assistant", content: "" },
      { content: "Echo:" },
      { content: " hi" },
      { content: " you" },
      {},
      undefined,
      "[DONE]",
    ]);
    expect(payloads[4]?.choices[0]?.finish_reason).toBe("stop");
    expect(payloads[5]).toMatchObject({ choices: [], usage: { prompt_tokens: 2, completion_tokens: 3, total_tokens: 5 } });
  });

  it("omits usage unless requested", () => {
    const payloads = framePayloads(chatCompletionFrames(replyFor({ messages: [{ role: "user", content: "hi" }], stream: true })));
    expect(payloads.some((chunk) => typeof chunk === "object" && chunk !== null && "usage" in chunk)).toBe(false);
  });

  it("streams a tool call as a naming chunk followed by argument fragments", () => {
    const reply = replyFor({
      messages: [{ role: "user", content: '[tool:read {"path":"/etc/hosts"}]' }],
      tools: [{ type: "function", function: { name: "read" } }],
      stream: true,
    });
    type ToolDelta = { id?: string; function: { name?: string; arguments: string } };
    const payloads = framePayloads(chatCompletionFrames(reply)) as {
      choices: { delta: { tool_calls?: ToolDelta[] }; finish_reason: string | null }[];
    }[];
    const toolDeltas = payloads.flatMap((chunk) => chunk.choices?.[0]?.delta.tool_calls ?? []);
    expect(toolDeltas[0]).toMatchObject({ id: "call_abc", function: { name: "read", arguments: "" } });
    expect(toolDeltas.length).toBeGreaterThan(2);
    expect(toolDeltas.map((call) => call.function.arguments).join("")).toBe('{"path":"/etc/hosts"}');
    expect(payloads.at(-2)?.choices[0]?.finish_reason).toBe("tool_calls");
  });
});
