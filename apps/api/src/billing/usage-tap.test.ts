import { describe, expect, it } from "vitest";
import type { TurnUsage } from "./credits.ts";
import { tapUsage } from "./usage-tap.ts";

const encoder = new TextEncoder();
const completed = `event: response.completed\ndata: ${JSON.stringify({ type: "response.completed", response: { id: "resp_9", usage: { input_tokens: 7, output_tokens: 3, total_tokens: 10 } } })}\n\n`;
const sse = `event: response.created\ndata: {"type":"response.created"}\n\nevent: response.output_text.delta\ndata: {"type":"response.output_text.delta","delta":"hi"}\n\n${completed}data: [DONE]\n\n`;

function chunked(text: string, size: number): ReadableStream<Uint8Array> {
  const bytes = encoder.encode(text);
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + size));
      offset += size;
    },
  });
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

describe("tapUsage", () => {
  it("passes every byte through unchanged and reports the terminal usage once, whatever the chunking", async () => {
    for (const size of [1, 7, 64, 100_000]) {
      const seen: Array<TurnUsage | null> = [];
      const out = await readAll(tapUsage(chunked(sse, size), (usage) => seen.push(usage)));
      expect(out).toBe(sse);
      expect(seen).toEqual([{ responseId: "resp_9", inputTokens: 7, outputTokens: 3, totalTokens: 10 }]);
    }
  });

  it("hands each chunk on as soon as it arrives", async () => {
    let push!: (text: string) => void;
    const source = new ReadableStream<Uint8Array>({ start: (controller) => void (push = (text) => controller.enqueue(encoder.encode(text))) });
    const reader = tapUsage(source, () => {}).getReader();
    push("event: response.output_text.delta\ndata: {}\n\n");
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toContain("delta");
    await reader.cancel();
  });

  it("reports null when the client cancels before the turn completes", async () => {
    const seen: Array<TurnUsage | null> = [];
    const reader = tapUsage(chunked(sse, 20), (usage) => seen.push(usage)).getReader();
    await reader.read();
    await reader.cancel();
    expect(seen).toEqual([null]);
  });

  it("bills from response.failed and response.incomplete too", async () => {
    const failed = `event: response.failed\ndata: ${JSON.stringify({ type: "response.failed", response: { id: "r", usage: { total_tokens: 4 } } })}\n\n`;
    const seen: Array<TurnUsage | null> = [];
    await readAll(tapUsage(chunked(failed, 5), (usage) => seen.push(usage)));
    expect(seen[0]?.totalTokens).toBe(4);
  });
});
