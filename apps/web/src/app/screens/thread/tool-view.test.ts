import { describe, expect, it } from "vitest";
import { formatToolValue, toolResultPayload, toolStage, toolTitle } from "./tool-view.ts";

describe("toolStage", () => {
  it("names every state of a tool part, and asks for approval only while it is requested", () => {
    expect(toolStage({ state: "input-streaming" })).toEqual({ label: "Preparing…", tone: "running", asksApproval: false });
    expect(toolStage({ state: "input-available" }).label).toBe("Running…");
    expect(toolStage({ state: "approval-requested", approval: { id: "a" } })).toEqual({ label: "Waiting for your approval", tone: "waiting", asksApproval: true });
    expect(toolStage({ state: "approval-responded", approval: { id: "a", approved: true } }).label).toBe("Approved, running…");
    expect(toolStage({ state: "approval-responded", approval: { id: "a", approved: false } }).label).toBe("Denied");
    expect(toolStage({ state: "output-available", preliminary: true })).toMatchObject({ label: "In progress…", tone: "running" });
    expect(toolStage({ state: "output-available" })).toMatchObject({ label: "Done", tone: "done" });
    expect(toolStage({ state: "output-error" }).tone).toBe("failed");
    expect(toolStage({ state: "output-denied" }).label).toBe("Denied");
  });
});

describe("formatToolValue", () => {
  it("shows strings as they are and anything else as indented JSON", () => {
    expect(formatToolValue("plain")).toBe("plain");
    expect(formatToolValue({ a: 1 })).toBe('{\n  "a": 1\n}');
    expect(formatToolValue(undefined)).toBe("undefined");
  });

  it("cuts a long value and says how much is left out", () => {
    expect(formatToolValue("x".repeat(30), 10)).toBe(`${"x".repeat(10)}\n… (20 more characters)`);
  });
});

describe("toolTitle", () => {
  it("reads a tool's name as words", () => expect(toolTitle("openclaw_restart")).toBe("openclaw restart"));
});

describe("toolResultPayload", () => {
  it("shows the gateway's own payload instead of the JSON text it wraps", () => {
    const payload = { count: 1, sessions: [{ key: "agent:main:main" }] };
    expect(toolResultPayload({ result: { content: [{ type: "text", text: JSON.stringify(payload) }] } })).toEqual(payload);
    expect(toolResultPayload({ result: { content: [], details: payload } })).toEqual(payload);
  });

  it("leaves every other result as it is", () => {
    expect(toolResultPayload({ balance: 5 })).toEqual({ balance: 5 });
    expect(toolResultPayload("text")).toBe("text");
    expect(toolResultPayload(null)).toBeNull();
  });
});
