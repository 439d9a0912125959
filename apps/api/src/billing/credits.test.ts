import { describe, expect, it } from "vitest";
import { CREDITS_PER_TOKEN, creditsFor, usageOfResponse } from "./credits.ts";

describe("usage and credits", () => {
  it("reads an OpenResponses usage object", () => {
    expect(usageOfResponse({ id: "resp_1", usage: { input_tokens: 10, output_tokens: 5, total_tokens: 15 } })).toEqual({
      responseId: "resp_1",
      inputTokens: 10,
      outputTokens: 5,
      totalTokens: 15,
    });
    expect(usageOfResponse({ id: "resp_2", usage: { input_tokens: 3, output_tokens: 4 } })?.totalTokens).toBe(7);
  });

  it("ignores responses without an id or usage, and nonsense counts", () => {
    expect(usageOfResponse({ usage: { total_tokens: 3 } })).toBeNull();
    expect(usageOfResponse({ id: "r" })).toBeNull();
    expect(usageOfResponse(null)).toBeNull();
    expect(usageOfResponse({ id: "r", usage: { input_tokens: -5, output_tokens: "x" } })?.totalTokens).toBe(0);
  });

  it("charges CREDITS_PER_TOKEN per token, rounded up", () => {
    expect(creditsFor({ responseId: "r", inputTokens: 1, outputTokens: 2, totalTokens: 3 })).toBe(Math.ceil(3 * CREDITS_PER_TOKEN));
  });
});
