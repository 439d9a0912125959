import { describe, expect, it } from "vitest";
import { readNdjson } from "./ndjson.ts";

function streamOf(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

describe("readNdjson", () => {
  it("yields each line as it completes, across chunk boundaries, and a last line without a newline", async () => {
    const seen: unknown[] = [];
    for await (const line of readNdjson(streamOf(['{"stage":"acc', 'epted"}\n{"stage":"provisioning"}\n\n{"st', 'age":"done"}']))) seen.push(line);
    expect(seen).toEqual([{ stage: "accepted" }, { stage: "provisioning" }, { stage: "done" }]);
  });
});
