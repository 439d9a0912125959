import { describe, expect, it } from "vitest";
import { isAuthorized } from "./auth.ts";

describe("isAuthorized", () => {
  it("accepts the exact bearer secret", () => {
    expect(isAuthorized("Bearer s3cret", "s3cret")).toBe(true);
  });

  it("rejects missing, malformed, wrong and prefix secrets", () => {
    expect(isAuthorized(undefined, "s3cret")).toBe(false);
    expect(isAuthorized("", "s3cret")).toBe(false);
    expect(isAuthorized("s3cret", "s3cret")).toBe(false);
    expect(isAuthorized("Basic s3cret", "s3cret")).toBe(false);
    expect(isAuthorized("Bearer s3cre", "s3cret")).toBe(false);
    expect(isAuthorized("Bearer s3cretX", "s3cret")).toBe(false);
    expect(isAuthorized("Bearer ", "s3cret")).toBe(false);
  });
});
