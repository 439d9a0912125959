import { describe, expect, it } from "vitest";
import { passThrough, type StreamEnd } from "./pass-through.ts";

const encoder = new TextEncoder();

function source(parts: string[], failWith?: Error): ReadableStream<Uint8Array> {
  let next = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (next < parts.length) return controller.enqueue(encoder.encode(parts[next++]));
      if (failWith) return controller.error(failWith);
      controller.close();
    },
  });
}

describe("passThrough", () => {
  it("passes every chunk through unchanged, shows each to onChunk, and ends once as done", async () => {
    const seen: string[] = [];
    const ends: StreamEnd[] = [];
    const text = await new Response(passThrough(source(["a", "bc"]), { onChunk: (c) => seen.push(new TextDecoder().decode(c)), onEnd: (e) => void ends.push(e) })).text();
    expect(text).toBe("abc");
    expect(seen).toEqual(["a", "bc"]);
    expect(ends).toEqual([{ kind: "done" }]);
  });

  it("reads nothing ahead of its reader", async () => {
    let pulls = 0;
    const counted = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          pulls += 1;
          controller.enqueue(encoder.encode("x"));
        },
      },
      { highWaterMark: 0 },
    );
    const reader = passThrough(counted, { onEnd: () => {} }).getReader();
    await reader.read();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(pulls).toBe(1);
    await reader.cancel();
  });

  it("ends a broken source with its final chunk, then closes", async () => {
    const failure = new Error("socket hang up");
    const ends: StreamEnd[] = [];
    const stream = passThrough(source(["a"], failure), { onEnd: (e) => void ends.push(e), finalChunk: () => encoder.encode("|failed") });
    expect(await new Response(stream).text()).toBe("a|failed");
    expect(ends).toEqual([{ kind: "broken", error: failure }]);
  });

  it("hands a broken source's error to the reader when it has no final chunk", async () => {
    let ends = 0;
    const reader = passThrough(source([], new Error("socket hang up")), { onEnd: () => void ends++ }).getReader();
    await expect(reader.read()).rejects.toThrow("socket hang up");
    expect(ends).toBe(1);
  });

  it("ends once as cancelled when the reader cancels, and cancels the source", async () => {
    let sourceCancelled: unknown = null;
    const ends: StreamEnd[] = [];
    const stream = passThrough(new ReadableStream<Uint8Array>({ cancel: (reason) => void (sourceCancelled = reason) }), { onEnd: (e) => void ends.push(e) });
    await stream.cancel("client left");
    expect(ends).toEqual([{ kind: "cancelled" }]);
    expect(sourceCancelled).toBe("client left");
  });
});
