import { describe, expect, it } from "vitest";
import { countTokens, tokenize } from "./tokenizer.ts";

describe("tokenize", () => {
  it("splits into words carrying their leading whitespace", () => {
    expect(tokenize("Echo: hello  world")).toEqual(["Echo:", " hello", "  world"]);
  });

  it("round-trips any text, including newlines and trailing whitespace", () => {
    const text = "  line one\nline\ttwo \n";
    expect(tokenize(text).join("")).toBe(text);
  });

  it("yields no tokens for empty text", () => {
    expect(tokenize("")).toEqual([]);
    expect(countTokens("")).toBe(0);
  });
});
