import { describe, expect, it } from "vitest";
import { withTerminalErrorEvent } from "./sse-terminal-error.ts";

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

describe("withTerminalErrorEvent", () => {
  it("passes a healthy stream through unchanged and ends it once", async () => {
    const upstream = new Response("event: a\ndata: 1\n\ndata: [DONE]\n\n").body!;
    let broke = false;
    let ends = 0;
    const text = await readAll(withTerminalErrorEvent(upstream, { onBreak: () => (broke = true), onEnd: () => (ends += 1) }));
    expect(text).toBe("event: a\ndata: 1\n\ndata: [DONE]\n\n");
    expect(broke).toBe(false);
    expect(ends).toBe(1);
  });

  it("ends a broken stream with response.failed and [DONE]", async () => {
    const encoder = new TextEncoder();
    let pulls = 0;
    const upstream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls += 1;
        if (pulls === 1) controller.enqueue(encoder.encode("event: response.output_text.delta\ndata: {}\n\n"));
        else controller.error(new Error("socket hang up"));
      },
    });
    const errors: unknown[] = [];
    let ends = 0;
    const text = await readAll(withTerminalErrorEvent(upstream, { onBreak: (e) => errors.push(e), onEnd: () => (ends += 1) }));
    expect(text.startsWith("event: response.output_text.delta")).toBe(true);
    expect(text).toContain("event: response.failed");
    expect(text.endsWith("data: [DONE]\n\n")).toBe(true);
    expect(errors).toHaveLength(1);
    expect(ends).toBe(1);
  });

  it("ends a broken chat completions stream with an error chunk and [DONE]", async () => {
    const upstream = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.error(new Error("socket hang up"));
      },
    });
    const text = await readAll(withTerminalErrorEvent(upstream, { onBreak: () => {}, onEnd: () => {}, dialect: "chat-completions" }));
    expect(text).toBe(`data: ${JSON.stringify({ error: { message: "the gateway stopped while answering; try again", type: "server_error", code: "gateway_unavailable" } })}\n\ndata: [DONE]\n\n`);
  });

  it("ends when the client cancels, and cancels the upstream", async () => {
    let upstreamCancelled = false;
    const upstream = new ReadableStream<Uint8Array>({ cancel: () => void (upstreamCancelled = true) });
    let ends = 0;
    await withTerminalErrorEvent(upstream, { onBreak: () => {}, onEnd: () => (ends += 1) }).cancel("client left");
    expect(ends).toBe(1);
    expect(upstreamCancelled).toBe(true);
  });
});
