import { describe, expect, it } from "vitest";
import { safeReturnTo } from "./return-to.ts";
import { decodeSignInState, encodeSignInState } from "./sign-in-state.ts";

describe("safeReturnTo", () => {
  it.each([
    ["/chat/main?x=1#y", "/chat/main?x=1#y"],
    ["https://evil.test/", "/"],
    ["//evil.test/x", "/"],
    ["/\\evil.test", "/"],
    ["javascript:alert(1)", "/"],
    ["/a\nb", "/"],
    [null, "/"],
  ])("%s → %s", (input, expected) => {
    expect(safeReturnTo(input)).toBe(expected);
  });
});

describe("sign-in state cookie", () => {
  it("round-trips the nonce and the return path, and refuses garbage", () => {
    expect(decodeSignInState(encodeSignInState({ nonce: "n1", returnTo: "/chat/a b?x=1" }))).toEqual({ nonce: "n1", returnTo: "/chat/a b?x=1" });
    expect(decodeSignInState("no-dot")).toBeNull();
    expect(decodeSignInState(undefined)).toBeNull();
    expect(decodeSignInState("n.%E0%A4%A")).toBeNull();
  });
});
