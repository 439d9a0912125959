import { describe, expect, it } from "vitest";
import { takeToken, type BucketState } from "./token-bucket.ts";

const config = { burst: 3, perSecond: 1 };

describe("takeToken", () => {
  it("allows a burst, then refuses with the wait until the next token", () => {
    let state: BucketState | null = null;
    for (let i = 0; i < 3; i++) {
      const result = takeToken(state, 1000, config);
      expect(result.allowed).toBe(true);
      state = result.state;
    }
    const refused = takeToken(state, 1000, config);
    expect(refused).toMatchObject({ allowed: false, retryAfterSeconds: 1 });
  });

  it("refills with time but never beyond the burst", () => {
    const empty = { tokens: 0, updatedAt: 0 };
    expect(takeToken(empty, 500, config).allowed).toBe(false);
    expect(takeToken(empty, 1000, config).allowed).toBe(true);
    expect(takeToken(empty, 60_000, config).state.tokens).toBe(2);
  });

  it("rounds a fractional wait up to whole seconds", () => {
    expect(takeToken({ tokens: 0, updatedAt: 0 }, 0, { burst: 1, perSecond: 0.25 }).retryAfterSeconds).toBe(4);
  });
});
