import { describe, expect, it } from "vitest";
import { requireInternalKey } from "./internal-auth.ts";

describe("internal key", () => {
  it("rejects a missing or wrong key with 401 unauthorized", async () => {
    await expect(requireInternalKey(undefined, "k")).rejects.toMatchObject({ code: "unauthorized", status: 401 });
    await expect(requireInternalKey("nope", "k")).rejects.toMatchObject({ code: "unauthorized", status: 401 });
    await expect(requireInternalKey("k", "k")).resolves.toBeUndefined();
  });

  it("fails closed when the runtime has no key configured", async () => {
    await expect(requireInternalKey("k", undefined)).rejects.toMatchObject({ code: "internal_error" });
  });
});
