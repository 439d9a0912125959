import { describe, expect, it } from "vitest";
import { generateApiToken, hashApiToken, looksLikeApiToken } from "./api-token.ts";

describe("API tokens", () => {
  it("are oc_ + 43 base64url characters, with a short prefix and a sha256 hex hash", async () => {
    const { token, prefix, tokenHash } = await generateApiToken();
    expect(token).toMatch(/^oc_[A-Za-z0-9_-]{43}$/);
    expect(looksLikeApiToken(token)).toBe(true);
    expect(token.startsWith(prefix)).toBe(true);
    expect(prefix).toHaveLength(11);
    expect(tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(await hashApiToken(token)).toBe(tokenHash);
  });

  it("never repeat", async () => {
    const tokens = await Promise.all(Array.from({ length: 20 }, () => generateApiToken()));
    expect(new Set(tokens.map((t) => t.token)).size).toBe(20);
  });

  it("refuses other shapes before any lookup", () => {
    for (const value of ["", "oc_", "sk_abc", `oc_${"a".repeat(42)}`, `oc_${"a".repeat(43)}=`, `OC_${"a".repeat(43)}`]) {
      expect(looksLikeApiToken(value)).toBe(false);
    }
  });
});
