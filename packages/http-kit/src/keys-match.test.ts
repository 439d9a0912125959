import { describe, expect, it } from "vitest";
import { keysMatch } from "./keys-match.ts";

describe("keysMatch", () => {
  it("accepts only the exact key", async () => {
    expect(await keysMatch("secret-key", "secret-key")).toBe(true);
    expect(await keysMatch("secret-kez", "secret-key")).toBe(false);
    expect(await keysMatch("secret-key-longer", "secret-key")).toBe(false);
    expect(await keysMatch("", "secret-key")).toBe(false);
  });
});
