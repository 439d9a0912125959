import { describe, expect, it } from "vitest";
import { interleave, LogBuffer } from "./log-buffer.ts";

describe("LogBuffer", () => {
  it("keeps everything below the cap", () => {
    const buffer = new LogBuffer(10);
    buffer.append({ seq: 1, text: "abc" });
    buffer.append({ seq: 2, text: "def" });
    expect(buffer.text()).toBe("abcdef");
  });

  it("drops the oldest text beyond the cap, trimming a partial chunk", () => {
    const buffer = new LogBuffer(5);
    buffer.append({ seq: 1, text: "abc" });
    buffer.append({ seq: 2, text: "def" });
    expect(buffer.text()).toBe("bcdef");
    buffer.append({ seq: 3, text: "0123456789" });
    expect(buffer.text()).toBe("56789");
    expect(buffer.chunks()).toEqual([{ seq: 3, text: "56789" }]);
  });
});

describe("interleave", () => {
  it("orders chunks of several streams by sequence", () => {
    const merged = interleave({
      stdout: [
        { seq: 1, text: "a" },
        { seq: 4, text: "d" },
      ],
      stderr: [
        { seq: 2, text: "b" },
        { seq: 3, text: "c" },
      ],
    });
    expect(merged.map((chunk) => `${chunk.stream}:${chunk.text}`)).toEqual(["stdout:a", "stderr:b", "stderr:c", "stdout:d"]);
  });
});
