import type { StreamFrame } from "./sse.ts";

export type SseMessage = { event?: string; data: string };

/** Splits server-sent-event text into messages (enough of the SSE grammar for this server's output). */
export function parseSse(text: string): SseMessage[] {
  return text
    .split("\n\n")
    .filter((block) => block.trim() !== "")
    .map((block) => {
      const message: SseMessage = { data: "" };
      for (const line of block.split("\n")) {
        if (line.startsWith("event: ")) message.event = line.slice("event: ".length);
        if (line.startsWith("data: ")) message.data = line.slice("data: ".length);
      }
      return message;
    });
}

export function framePayloads(frames: Iterable<StreamFrame>): unknown[] {
  return parseSse([...frames].map((frame) => frame.text).join("")).map((message) => (message.data === "[DONE]" ? "[DONE]" : JSON.parse(message.data)));
}
