import type { UIMessage } from "ai";
import { describe, expect, it } from "vitest";
import { settlePreliminaryOutputs } from "./tool-parts.ts";

const user: UIMessage = { id: "u1", role: "user", parts: [{ type: "text", text: "send it" }] };

function assistant(part: Record<string, unknown>): UIMessage {
  return { id: "a1", role: "assistant", parts: [{ type: "text", text: "on it" }, part as unknown as UIMessage["parts"][number]] };
}

describe("settlePreliminaryOutputs", () => {
  it("clears the flag from a finished tool's last progress, keeping its output", () => {
    const part = { type: "tool-session_send", toolCallId: "c1", state: "output-available", input: {}, output: { status: "done", text: "hi" }, preliminary: true };
    const settled = settlePreliminaryOutputs([user, assistant(part)]);
    expect(settled?.[1]?.parts[1]).toEqual({ type: "tool-session_send", toolCallId: "c1", state: "output-available", input: {}, output: { status: "done", text: "hi" } });
    expect(settled?.[0]).toBe(user);
  });

  it("clears it from an output that ended in an error", () => {
    const part = { type: "tool-openclaw_provision", toolCallId: "c2", state: "output-error", input: {}, errorText: "failed", preliminary: true };
    expect(settlePreliminaryOutputs([assistant(part)])?.[0]?.parts[1]).not.toHaveProperty("preliminary");
  });

  it("answers null when nothing is preliminary", () => {
    const part = { type: "tool-session_send", toolCallId: "c1", state: "output-available", input: {}, output: {} };
    expect(settlePreliminaryOutputs([user, assistant(part)])).toBeNull();
  });
});
