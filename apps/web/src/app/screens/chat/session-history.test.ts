import { describe, expect, it } from "vitest";
// Real `sessions_history` results (GET /api/openclaw/sessions/:key/history → result).
import recordedHistory from "./fixtures/sessions-history.json";
import unknownSession from "./fixtures/sessions-history-unknown.json";
import { historyOf } from "./session-history.ts";

describe("historyOf on recorded sessions_history", () => {
  it("turns the transcript into the thread's first messages, oldest first", () => {
    const { messages, problem } = historyOf(recordedHistory);
    expect(problem).toBeNull();
    expect(messages.map((message) => [message.role, message.id])).toEqual([
      ["user", "502d381f-bf38-4c80-b95b-e98ac781107b"],
      ["assistant", "2cc26e56-dc2c-480e-b37f-ca31e5f20bac"],
    ]);
    expect(messages[0]!.content).toEqual([{ type: "text", text: "hello there **bold** [words:8]" }]);
    expect(messages[1]!.createdAt).toEqual(new Date(1795944918658));
    expect(messages[1]!.status).toEqual({ type: "complete", reason: "stop" });
    const reply = messages[1]!.content as Array<{ type: string; text: string }>;
    expect(reply[0]!.text.startsWith("Echo: [Sun 2026-11-29 09:34 UTC] hello there")).toBe(true);
  });

  it("reports the gateway's refusal for a session it does not know", () => {
    expect(historyOf(unknownSession)).toEqual({
      messages: [],
      problem: "Session not found: webchat-nonexistent (use the full sessionKey from sessions_list)",
    });
  });
});

describe("historyOf on other message forms", () => {
  it("keeps only user and assistant text, and drops an envelope line before a user's words", () => {
    const { messages } = historyOf({
      details: {
        messages: [
          { role: "user", content: [{ type: "text", text: "[Sun 2026-11-29 09:34 UTC] hi" }] },
          {
            role: "assistant",
            content: [
              { type: "thinking", thinking: "…" },
              { type: "toolCall", name: "x" },
            ],
          },
          { role: "toolResult", content: "secret output" },
          {
            role: "assistant",
            content: [
              { type: "text", text: "one" },
              { type: "text", text: "two" },
            ],
          },
        ],
      },
    });
    expect(messages.map((message) => [message.role, (message.content as unknown as Array<{ text: string }>)[0]!.text])).toEqual([
      ["user", "hi"],
      ["assistant", "one\n\ntwo"],
    ]);
  });
});
