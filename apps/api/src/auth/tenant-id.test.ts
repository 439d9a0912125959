import { describe, expect, it } from "vitest";
import { isTenantId } from "@openclaw-cloud/contracts";
import { tenantIdForUser } from "./tenant-id.ts";

describe("tenantIdForUser", () => {
  it("satisfies the runtime's tenant id rule whatever the user id looks like", async () => {
    for (const userId of ["000000000000000000000010000users", "j57ab3x9z", "Upper;Case", "", "x".repeat(500), "ü--ñ"]) {
      const tenantId = await tenantIdForUser(userId);
      expect(isTenantId(tenantId)).toBe(true);
    }
  });

  it("is deterministic and distinct per user", async () => {
    expect(await tenantIdForUser("user-a")).toBe(await tenantIdForUser("user-a"));
    expect(await tenantIdForUser("user-a")).not.toBe(await tenantIdForUser("user-b"));
    expect(await tenantIdForUser("A")).not.toBe(await tenantIdForUser("a"));
  });
});
