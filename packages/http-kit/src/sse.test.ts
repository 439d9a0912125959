import { describe, expect, it } from "vitest";
import { collectSse, parseEvent, readSse } from "./sse.ts";

describe("readSse", () => {
  it("splits events across arbitrary chunk boundaries", async () => {
    const text = 'event: a\ndata: 1\n\nevent: b\r\ndata: {"x":2}\r\n\r\ndata: [DONE]\n\n';
    const encoder = new TextEncoder();
    const chunks = [text.slice(0, 5), text.slice(5, 23), text.slice(23)];
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const c of chunks) controller.enqueue(encoder.encode(c));
        controller.close();
      },
    });
    const events = await collectSse(body);
    expect(events.map(({ event, data }) => ({ event, data }))).toEqual([
      { event: "a", data: "1" },
      { event: "b", data: '{"x":2}' },
      { event: null, data: "[DONE]" },
    ]);
  });

  it("ignores comments and blank blocks", () => {
    expect(parseEvent(": keepalive")).toBeNull();
    expect(parseEvent("data: a\ndata: b")).toEqual({ event: null, data: "a\nb" });
  });
});

describe("readSse stopped early", () => {
  it("cancels the body, so the request behind it ends", async () => {
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(new TextEncoder().encode("data: tick\n\n"));
      },
      cancel() {
        cancelled = true;
      },
    });
    for await (const event of readSse(body)) {
      expect(event.data).toBe("tick");
      break;
    }
    expect(cancelled).toBe(true);
  });
});
