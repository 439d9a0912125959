import { describe, expect, it } from "vitest";
import { MAX_TENANT_ID_LENGTH } from "@openclaw-cloud/contracts";
import { sandboxIdFor } from "./sandbox-generation.ts";

describe("sandboxIdFor", () => {
  it("keeps the tenant id for the first sandbox and numbers the ones restores move to", () => {
    expect(sandboxIdFor("u-abc", 0)).toBe("u-abc");
    expect(sandboxIdFor("u-abc", 1)).toBe("u-abc--1");
    expect(sandboxIdFor("u-abc", 12)).toBe("u-abc--12");
  });

  it("stays a valid sandbox id for the longest tenant id and a very long history", () => {
    expect(sandboxIdFor("a".repeat(MAX_TENANT_ID_LENGTH), 9_999_999)).toMatch(/^[a-z0-9][a-z0-9-]{0,62}$/);
  });

  it("never names another tenant's sandbox: tenant ids have no double hyphen", () => {
    expect(sandboxIdFor("u-a", 1)).not.toBe(sandboxIdFor("u-a-1", 0));
  });

  it("refuses generations that are not counts", () => {
    for (const bad of [-1, 1.5, Number.NaN]) expect(() => sandboxIdFor("u-a", bad)).toThrow(RangeError);
  });
});
