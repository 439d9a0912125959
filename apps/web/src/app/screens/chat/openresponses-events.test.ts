import { parseEvent } from "@openclaw-cloud/http-kit/sse";
import { describe, expect, it } from "vitest";
// A real turn of `POST /api/openclaw/chat` against the offline model, as the browser received it.
import recordedTurn from "./fixtures/chat-turn.sse?raw";
// A real turn the gateway failed (its agent database had closed), ending in `response.failed`.
import recordedFailure from "./fixtures/chat-turn-failed.sse?raw";
import { turnEventOf, type TurnEvent } from "./openresponses-events.ts";

function eventsOf(text: string): TurnEvent[] {
  return text
    .split(/\r?\n\r?\n/)
    .map((raw) => parseEvent(raw))
    .filter((event) => event !== null)
    .map(turnEventOf);
}

describe("turnEventOf on a recorded turn", () => {
  const events = eventsOf(recordedTurn);

  it("yields the reply delta by delta, in order", () => {
    const deltas = events.filter((event) => event.kind === "delta");
    expect(deltas.length).toBeGreaterThan(10);
    const text = deltas.map((event) => (event.kind === "delta" ? event.text : "")).join("");
    expect(text.startsWith("Echo: [Sun 2026-11-29 09:34 UTC] hello there **bold** [words:8]")).toBe(true);
    expect(text.endsWith("alpha bravo charlie delta echo foxtrot golf hotel")).toBe(true);
  });

  it("ends with one completion and ignores the rest (created, items, [DONE])", () => {
    expect(events.filter((event) => event.kind === "done")).toEqual([{ kind: "done", incomplete: false }]);
    expect(events.filter((event) => event.kind === "failed")).toEqual([]);
    expect(events.at(-1)).toEqual({ kind: "ignore" });
  });
});

describe("turnEventOf on endings", () => {
  it("reads a recorded failed turn as a failure with the gateway's code and message, and no text", () => {
    const events = eventsOf(recordedFailure);
    expect(events.filter((event) => event.kind === "delta")).toEqual([]);
    expect(events.filter((event) => event.kind === "failed")).toEqual([{ kind: "failed", code: "api_error", message: "internal error" }]);
  });

  it("reads a failed turn's error (the runtime's, when the gateway died mid-turn)", () => {
    const failed = { type: "response.failed", response: { status: "failed", error: { code: "gateway_unavailable", message: "gateway connection lost" } } };
    expect(turnEventOf({ event: "response.failed", data: JSON.stringify(failed) })).toEqual({ kind: "failed", code: "gateway_unavailable", message: "gateway connection lost" });
    expect(turnEventOf({ event: "response.failed", data: JSON.stringify({ type: "response.failed", response: {} }) })).toEqual({ kind: "failed", code: null, message: "the turn failed" });
  });

  it("says when the reply was cut at the output budget", () => {
    expect(turnEventOf({ event: "response.incomplete", data: JSON.stringify({ type: "response.incomplete", response: { status: "incomplete" } }) })).toEqual({ kind: "done", incomplete: true });
  });

  it("ignores what it cannot read", () => {
    expect(turnEventOf({ event: null, data: "[DONE]" })).toEqual({ kind: "ignore" });
    expect(turnEventOf({ event: "response.output_text.delta", data: "{not json" })).toEqual({ kind: "ignore" });
    expect(turnEventOf({ event: "response.output_text.delta", data: JSON.stringify({ type: "response.output_text.delta", delta: "" }) })).toEqual({ kind: "ignore" });
  });
});
