import { describe, expect, it } from "vitest";
import { ChatUsageReader, meterAnswer, mostTokens, type CallUsage } from "./usage-meter.ts";

const encoder = new TextEncoder();
const sse = (data: unknown) => `data: ${typeof data === "string" ? data : JSON.stringify(data)}\n\n`;
const chunk = (content: string) => ({ id: "chatcmpl-1", choices: [{ index: 0, delta: { content } }] });

/** Pushes `parts` through a metered stream, reading `reads` chunks (all when undefined), and returns what was read and the usage. */
async function meter(parts: string[], options: { streamed: boolean; reads?: number }): Promise<{ text: string; usage: CallUsage }> {
  const source = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const part of parts) controller.enqueue(encoder.encode(part));
      controller.close();
    },
  });
  let usage: CallUsage | null = null;
  const metered = meterAnswer(source, new ChatUsageReader({ streamed: options.streamed, requestChars: 400 }), (u) => {
    usage = u;
  });
  const reader = metered.getReader();
  let text = "";
  for (let read = 0; options.reads === undefined || read < options.reads; read++) {
    const { done, value } = await reader.read();
    if (done) break;
    text += new TextDecoder().decode(value);
  }
  if (options.reads !== undefined) await reader.cancel();
  return { text, usage: usage! };
}

describe("the model call meter", () => {
  it("passes a stream through unchanged and charges the upstream's usage chunk", async () => {
    const parts = [sse(chunk("Hel")), sse(chunk("lo")), sse({ id: "chatcmpl-1", choices: [], usage: { prompt_tokens: 12, completion_tokens: 2, total_tokens: 14 } }), sse("[DONE]")];
    const { text, usage } = await meter(parts, { streamed: true });
    expect(text).toBe(parts.join(""));
    expect(usage).toEqual({ id: "chatcmpl-1", inputTokens: 12, outputTokens: 2, totalTokens: 14, estimated: false });
  });

  it("reads events split across chunks", async () => {
    const whole = sse(chunk("a")) + sse({ id: "chatcmpl-2", choices: [], usage: { prompt_tokens: 3, completion_tokens: 1 } });
    const { usage } = await meter([whole.slice(0, 7), whole.slice(7, 60), whole.slice(60)], { streamed: true });
    expect(usage).toMatchObject({ id: "chatcmpl-1", totalTokens: 4, estimated: false });
  });

  it("estimates a stream cut short: the prompt in full, a token per output chunk that passed", async () => {
    const { usage } = await meter([sse(chunk("a")), sse(chunk("b")), sse(chunk("c")), sse(chunk("d"))], { streamed: true, reads: 2 });
    expect(usage).toEqual({ id: "chatcmpl-1", inputTokens: 100, outputTokens: 2, totalTokens: 102, estimated: true });
  });

  it("charges a whole answer by its usage", async () => {
    const answer = JSON.stringify({ id: "chatcmpl-3", choices: [{ message: { content: "hi" } }], usage: { prompt_tokens: 5, completion_tokens: 1, total_tokens: 6 } });
    const { text, usage } = await meter([answer.slice(0, 10), answer.slice(10)], { streamed: false });
    expect(text).toBe(answer);
    expect(usage).toEqual({ id: "chatcmpl-3", inputTokens: 5, outputTokens: 1, totalTokens: 6, estimated: false });
  });

  it("holds the prompt and the call's output limit before it runs", () => {
    expect(mostTokens(400, 50)).toBe(150);
    expect(mostTokens(400, null)).toBe(100 + 4096);
  });
});
