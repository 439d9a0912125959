import { describe, expect, it } from "vitest";
import { tenantIdForUser } from "./tenant-id.ts";

const RUNTIME_RULE = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])$/;

describe("tenantIdForUser", () => {
  it("satisfies the runtime's tenant id rule whatever the user id looks like", async () => {
    for (const userId of ["000000000000000000000010000users", "j57ab3x9z", "Upper;Case", "", "x".repeat(500), "ü--ñ"]) {
      const tenantId = await tenantIdForUser(userId);
      expect(tenantId).toMatch(RUNTIME_RULE);
      expect(tenantId).not.toContain("--");
    }
  });

  it("is deterministic and distinct per user", async () => {
    expect(await tenantIdForUser("user-a")).toBe(await tenantIdForUser("user-a"));
    expect(await tenantIdForUser("user-a")).not.toBe(await tenantIdForUser("user-b"));
    expect(await tenantIdForUser("A")).not.toBe(await tenantIdForUser("a"));
  });
});
