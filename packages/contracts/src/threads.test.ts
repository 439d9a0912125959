import { describe, expect, it } from "vitest";
import { APPROVAL_KINDS, approvalRequestOf, toolNeedsApproval, UpdateThreadBodySchema } from "./threads.ts";

describe("the thread tools' approval policy", () => {
  it("makes exactly the six risky tools wait for a yes, one per approval kind", () => {
    const risky = ["openclaw_provision", "openclaw_restart", "backup_restore", "device_approve", "pairing_approve", "session_send"];
    expect(risky.filter(toolNeedsApproval)).toEqual(risky);
    expect(risky.map((name) => approvalRequestOf(name, {})?.kind).sort()).toEqual([...APPROVAL_KINDS].sort());
    for (const safe of ["openclaw_status", "sessions_list", "backup_create", "device_reject", "toString", "constructor"]) {
      expect(toolNeedsApproval(safe), safe).toBe(false);
      expect(approvalRequestOf(safe, {})).toBeNull();
    }
  });

  it("tells the person what a yes will do, from the call's own input, bounded", () => {
    expect(approvalRequestOf("backup_restore", { id: "b-42" })?.summary).toBe("Restore your OpenClaw from backup b-42.");
    expect(approvalRequestOf("backup_restore", {})?.summary).toBe("Restore your OpenClaw from its newest backup.");
    const send = approvalRequestOf("session_send", { sessionKey: "agent:main:main", message: "x".repeat(500) })!.summary;
    expect(send).toContain("agent:main:main");
    expect(send.length).toBeLessThan(300);
  });
});

describe("UpdateThreadBodySchema", () => {
  it("needs something to change", () => {
    expect(UpdateThreadBodySchema.safeParse({}).success).toBe(false);
    expect(UpdateThreadBodySchema.safeParse({ archived: true }).success).toBe(true);
    expect(UpdateThreadBodySchema.safeParse({ title: "  " }).success).toBe(false);
  });
});
