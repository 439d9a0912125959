import { describe, expect, it } from "vitest";
import { parseJsonc } from "./jsonc.ts";

describe("parseJsonc", () => {
  it("drops comments but keeps comment-like text inside strings", () => {
    const config = `// top\n{ "name": "x", /* c */ "url": "http://a//b", "note": "/* kept */" }`;
    expect(parseJsonc(config)).toEqual({ name: "x", url: "http://a//b", note: "/* kept */" });
  });
});
