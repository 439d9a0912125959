import { describe, expect, it } from "vitest";
import { RuntimeError } from "./errors.ts";
import { parseTenantId } from "./tenant-id.ts";

describe("parseTenantId", () => {
  it.each(["t1", "tenant-a", "u-01h8x9", "a".repeat(54)])("accepts %s", (id) => {
    expect(parseTenantId(id)).toBe(id);
  });

  it.each([undefined, null, "", "a", "A1", "-ab", "ab-", "a--b", "a_b", "a/b", "../x", "a b", "a".repeat(55), "é1", "a.b"])("rejects %s", (id) => {
    expect(() => parseTenantId(id)).toThrow(RuntimeError);
  });
});
