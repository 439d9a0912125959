import { describe, expect, test } from "vitest";
import { controlPlane } from "./test.setup";

describe("waitlist", () => {
  test("joining is idempotent per email: the first entry stands", async () => {
    const { rpc } = controlPlane();
    const first = await rpc("joinWaitlist", { email: "Ada@Example.com", note: "hi" });
    expect(first).toEqual({
      id: expect.any(String),
      email: "ada@example.com",
      note: "hi",
      approved: false,
      approvedBy: null,
      approvedAt: null,
      createdAt: expect.any(Number),
    });
    expect(await rpc("joinWaitlist", { email: "ada@example.com", note: "again" })).toEqual(first);
    expect(await rpc("getWaitlistEntry", { email: "ADA@example.com" })).toEqual(first);
    expect(await rpc("getWaitlistEntry", { email: "nobody@example.com" })).toBeNull();
    expect(await rpc("joinWaitlist", { email: "bob@example.com" })).toMatchObject({ note: null });
    expect((await rpc("listWaitlist")).map((entry: { email: string }) => entry.email)).toEqual(["ada@example.com", "bob@example.com"]);
  });

  test("approval turns on access for users who already signed in with that email; revoking turns it off", async () => {
    const { rpc, newUser } = controlPlane();
    const ada = await newUser("ada@example.com");
    const entry = await rpc("joinWaitlist", { email: "ada@example.com" });
    const approved = await rpc("setWaitlistApproval", { entryId: entry.id, approved: true, actorId: "admin@example.com" });
    expect(approved).toMatchObject({ approved: true, approvedBy: "admin@example.com", approvedAt: expect.any(Number) });
    expect((await rpc("getAccount", { userId: ada.id })).user).toMatchObject({ accessEnabled: true, accessChangedBy: "admin@example.com" });

    const revoked = await rpc("setWaitlistApproval", { entryId: entry.id, approved: false, actorId: "root" });
    expect(revoked).toMatchObject({ approved: false, approvedBy: "root" });
    expect((await rpc("getAccount", { userId: ada.id })).user).toMatchObject({ accessEnabled: false, accessChangedBy: "root" });

    const audit = await rpc("listAudit", {});
    expect(audit.map((e: { action: string }) => e.action)).toEqual(["waitlist.revoke", "waitlist.approve"]);
    expect(audit[1]).toMatchObject({ actor: "admin@example.com", target: entry.id, details: { email: "ada@example.com", userIds: [ada.id] } });
  });

  test("an unknown entry is 404; bad input is 400", async () => {
    const { call, expectError } = controlPlane();
    await expectError(call("setWaitlistApproval", { entryId: "nope", approved: true, actorId: "root" }), 404, "not_found");
    await expectError(call("joinWaitlist", { email: "" }), 400, "invalid_request");
    await expectError(call("joinWaitlist", { email: "a@b.c", note: "x".repeat(2001) }), 400, "invalid_request");
    await expectError(call("setWaitlistApproval", { entryId: "x", approved: true }), 400, "invalid_request");
  });
});
