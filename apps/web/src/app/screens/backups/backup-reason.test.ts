import { describe, expect, it } from "vitest";
import { backupReason } from "./backup-reason.ts";

describe("backupReason", () => {
  it("words the API's reasons and passes an unknown one through", () => {
    expect(backupReason("manual")).toBe("Made by you");
    expect(backupReason("sleep")).toBe("Before sleeping");
    expect(backupReason("destroy")).toBe("Before deleting");
    expect(backupReason("migration")).toBe("migration");
  });
});
