import { describe, expect, it } from "vitest";
import { contentText, createReply, MAX_FILLER_WORDS, planReply, type ConversationMessage } from "./reply.ts";

const user = (text: string): ConversationMessage => ({ role: "user", text });
const noTools = new Set<string>();

describe("planReply", () => {
  it("echoes the last user message and ignores system prompts", () => {
    const conversation: ConversationMessage[] = [{ role: "system", text: "You are a very long system prompt" }, user("first"), { role: "assistant", text: "Echo: first" }, user("second")];
    expect(planReply(conversation, noTools)).toEqual({ kind: "text", text: "Echo: second" });
  });

  it("skips OpenClaw's internal-context user messages, also after tool results", () => {
    const internal = user("<<<BEGIN_OPENCLAW_INTERNAL_CONTEXT>>>\nActive exec sessions: none\n<<<END_OPENCLAW_INTERNAL_CONTEXT>>>");
    expect(planReply([user("hello"), internal], noTools)).toEqual({ kind: "text", text: "Echo: hello" });
    const afterTool = [user("[tool:ls]"), { role: "assistant" as const, text: "" }, { role: "tool" as const, text: "a.txt", toolName: "ls" }, internal];
    expect(planReply(afterTool, new Set(["ls"]))).toEqual({ kind: "text", text: "Tool ls returned: a.txt" });
  });

  it("replies to an empty conversation with an empty echo", () => {
    expect(planReply([], noTools)).toEqual({ kind: "text", text: "Echo: " });
  });

  it("appends N deterministic filler words for [words:N]", () => {
    const plan = planReply([user("go [words:3]")], noTools);
    expect(plan).toEqual({ kind: "text", text: "Echo: go [words:3] alpha bravo charlie" });
    expect(planReply([user("go [words:3]")], noTools)).toEqual(plan);
  });

  it(`caps filler at ${MAX_FILLER_WORDS} words`, () => {
    const plan = planReply([user("[words:999999]")], noTools);
    expect(plan.kind === "text" && plan.text.split(" ").length).toBe(2 + MAX_FILLER_WORDS);
  });

  it("calls an offered tool named by [tool:NAME {json}]", () => {
    const plan = planReply([user('please [tool:read { "path": "a}]b" }] now')], new Set(["read"]));
    expect(plan).toEqual({ kind: "tool_call", name: "read", arguments: '{"path":"a}]b"}' });
  });

  it("calls a tool with empty arguments for [tool:NAME]", () => {
    expect(planReply([user("[tool:ls]")], new Set(["ls"]))).toEqual({ kind: "tool_call", name: "ls", arguments: "{}" });
  });

  it("echoes when the named tool is not offered or its arguments are not a JSON object", () => {
    expect(planReply([user("[tool:ls]")], noTools)).toEqual({ kind: "text", text: "Echo: [tool:ls]" });
    expect(planReply([user("[tool:ls [1]]")], new Set(["ls"]))).toEqual({ kind: "text", text: "Echo: [tool:ls [1]]" });
  });

  it("reports a tool result, truncated to 200 characters", () => {
    const conversation: ConversationMessage[] = [user("[tool:ls]"), { role: "tool", text: "x".repeat(500), toolName: "ls" }];
    expect(planReply(conversation, new Set(["ls"]))).toEqual({ kind: "text", text: `Tool ls returned: ${"x".repeat(200)}` });
  });
});

describe("createReply", () => {
  it("counts prompt tokens over all messages and completion tokens per delta", () => {
    const reply = createReply(
      {
        model: "m",
        stream: false,
        includeUsage: false,
        conversation: [{ role: "system", text: "be brief" }, user("hello there")],
        toolNames: noTools,
      },
      { requestId: "r", created: 1 },
    );
    expect(reply.deltas).toEqual(["Echo:", " hello", " there"]);
    expect(reply.usage).toEqual({ promptTokens: 4, completionTokens: 3 });
  });

  it("streams tool-call arguments as fragments that rejoin to the arguments", () => {
    const reply = createReply({ model: "m", stream: true, includeUsage: true, conversation: [user('[tool:w {"text":"a long argument"}]')], toolNames: new Set(["w"]) }, { requestId: "r", created: 1 });
    expect(reply.deltas.length).toBeGreaterThan(1);
    expect(reply.deltas.join("")).toBe('{"text":"a long argument"}');
    expect(reply.usage.completionTokens).toBe(reply.deltas.length);
  });
});

describe("contentText", () => {
  it("joins text parts of the given types and skips others", () => {
    const parts = [{ type: "text", text: "a" }, { type: "image_url" }, { type: "text", text: "b" }];
    expect(contentText(parts, new Set(["text"]))).toBe("a\nb");
    expect(contentText("plain", new Set())).toBe("plain");
    expect(contentText(null, new Set(["text"]))).toBe("");
  });
});
