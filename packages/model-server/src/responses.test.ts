import { describe, expect, it } from "vitest";
import { createReply } from "./reply.ts";
import { responseBody, responseFrames, responsesRequestSchema } from "./responses.ts";
import { framePayloads, parseSse } from "./test-helpers.ts";

function replyFor(body: unknown) {
  return createReply(responsesRequestSchema.parse(body), { requestId: "abc", created: 1700000000 });
}

describe("responsesRequestSchema", () => {
  it("treats string input as one user message and instructions as a system message", () => {
    expect(responsesRequestSchema.parse({ model: "m", input: "hi", instructions: "be nice" })).toMatchObject({
      model: "m",
      stream: false,
      conversation: [
        { role: "system", text: "be nice" },
        { role: "user", text: "hi" },
      ],
    });
  });

  it("normalises input items, resolving tool names of function call outputs", () => {
    const request = responsesRequestSchema.parse({
      input: [
        { role: "developer", content: "rules" },
        {
          type: "message",
          role: "user",
          content: [
            { type: "input_text", text: "go" },
            { type: "input_image", image_url: "x" },
          ],
        },
        { type: "reasoning", summary: [] },
        { type: "function_call", call_id: "c1", name: "ls", arguments: "{}" },
        { type: "function_call_output", call_id: "c1", output: "files" },
      ],
      tools: [{ type: "function", name: "ls", parameters: {} }, { type: "web_search" }],
    });
    expect(request.conversation).toEqual([
      { role: "system", text: "rules" },
      { role: "user", text: "go" },
      { role: "assistant", text: "" },
      { role: "tool", text: "files", toolName: "ls" },
    ]);
    expect(request.toolNames).toEqual(new Set(["ls"]));
  });

  it("requires input", () => {
    expect(responsesRequestSchema.safeParse({ model: "m" }).success).toBe(false);
  });
});

describe("responseBody", () => {
  it("renders a completed response with a message item and usage", () => {
    expect(responseBody(replyFor({ input: "hi" }))).toMatchObject({
      id: "resp_abc",
      object: "response",
      status: "completed",
      model: "echo-1",
      output: [{ type: "message", role: "assistant", content: [{ type: "output_text", text: "Echo: hi" }] }],
      usage: { input_tokens: 1, output_tokens: 2, total_tokens: 3 },
    });
  });
});

describe("responseFrames", () => {
  it("emits the Responses event sequence for text", () => {
    const frames = [...responseFrames(replyFor({ input: "hi there", stream: true }))];
    const events = parseSse(frames.map((frame) => frame.text).join(""));
    expect(events.map((event) => event.event)).toEqual([
      "response.created",
      "response.in_progress",
      "response.output_item.added",
      "response.content_part.added",
      "response.output_text.delta",
      "response.output_text.delta",
      "response.output_text.delta",
      "response.output_text.done",
      "response.content_part.done",
      "response.output_item.done",
      "response.completed",
    ]);
    const payloads = framePayloads(frames) as { type: string; sequence_number: number }[];
    expect(payloads.map((payload) => payload.type)).toEqual(events.map((event) => event.event));
    expect(payloads.map((payload) => payload.sequence_number)).toEqual(payloads.map((_, index) => index));
    expect(payloads.at(-1)).toMatchObject({ response: { status: "completed", usage: { output_tokens: 3 } } });
  });

  it("emits a function_call item with argument deltas for a tool call", () => {
    const reply = replyFor({ input: '[tool:ls {"dir":"/tmp/some/where"}]', tools: [{ type: "function", name: "ls" }], stream: true });
    const payloads = framePayloads(responseFrames(reply)) as { type: string; delta?: string; item?: object }[];
    expect(payloads[2]).toMatchObject({ type: "response.output_item.added", item: { type: "function_call", name: "ls", arguments: "" } });
    const argumentDeltas = payloads.filter((payload) => payload.type === "response.function_call_arguments.delta");
    expect(argumentDeltas.map((payload) => payload.delta).join("")).toBe('{"dir":"/tmp/some/where"}');
    expect(payloads.slice(-3).map((payload) => payload.type)).toEqual(["response.function_call_arguments.done", "response.output_item.done", "response.completed"]);
    expect(payloads.at(-1)).toMatchObject({
      response: { output: [{ type: "function_call", call_id: "call_abc", arguments: '{"dir":"/tmp/some/where"}' }] },
    });
  });
});
