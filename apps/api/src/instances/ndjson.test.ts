import { describe, expect, it } from "vitest";
import { ndjsonLines } from "./ndjson.ts";

describe("ndjsonLines", () => {
  it("yields each JSON line across chunk boundaries, skipping blanks and garbage", async () => {
    const encoder = new TextEncoder();
    const parts = ['{"stage":"prov', 'isioning"}\n\n{"stage":"star', 'ting"}\nnot json\n{"stage":"done"}'];
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const part of parts) controller.enqueue(encoder.encode(part));
        controller.close();
      },
    });
    const lines = [];
    for await (const line of ndjsonLines(body)) lines.push(line);
    expect(lines).toEqual([{ stage: "provisioning" }, { stage: "starting" }, { stage: "done" }]);
  });
});
