import { describe, expect, it } from "vitest";
import { CREDITS_PER_TOKEN, creditsFor, requireCredits } from "./credits.ts";

describe("credits", () => {
  it("charges CREDITS_PER_TOKEN per token, rounded up", () => {
    expect(creditsFor(3)).toBe(Math.ceil(3 * CREDITS_PER_TOKEN));
    expect(creditsFor(0)).toBe(0);
  });

  it("refuses work with nothing left to spend", () => {
    expect(() => requireCredits({ balance: 0 })).toThrow(expect.objectContaining({ code: "insufficient_credits", status: 402 }));
    expect(() => requireCredits({ balance: 1 })).not.toThrow();
  });
});
