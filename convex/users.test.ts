import { describe, expect, test } from "vitest";
import { controlPlane } from "./test.setup";

describe("users", () => {
  test("upsertUser creates a user without access, then updates the same user; both answer with the account", async () => {
    const { rpc } = controlPlane();
    const created = await rpc("upsertUser", { workosUserId: "user_1", email: " Ada@Example.com ", name: "Ada" });
    expect(created).toEqual({
      user: {
        id: expect.any(String),
        workosUserId: "user_1",
        email: "ada@example.com",
        name: "Ada",
        role: "user",
        accessEnabled: false,
        accessChangedBy: null,
        accessChangedAt: null,
        createdAt: expect.any(Number),
      },
      balance: 0,
    });
    await rpc("grantCredits", { ownerId: created.user.id, amount: 25, reason: "welcome", actorId: "root" });
    const updated = await rpc("upsertUser", { workosUserId: "user_1", email: "ada@new.example.com" });
    expect(updated).toEqual({ user: { ...created.user, email: "ada@new.example.com" }, balance: 25 });
    expect(await rpc("listUsers")).toEqual([updated.user]);
  });

  test("a new user whose email is approved on the waitlist starts with access", async () => {
    const { rpc } = controlPlane();
    const entry = await rpc("joinWaitlist", { email: "grace@example.com" });
    await rpc("setWaitlistApproval", { entryId: entry.id, approved: true, actorId: "admin@example.com" });
    const { user } = await rpc("upsertUser", { workosUserId: "user_g", email: "Grace@example.com" });
    expect(user).toMatchObject({ accessEnabled: true, accessChangedBy: "admin@example.com", accessChangedAt: expect.any(Number) });
  });

  test("lookups by id, WorkOS id and email; unknown and malformed ids are null", async () => {
    const { rpc, newUser } = controlPlane();
    const ada = await newUser("ada@example.com", "user_ada");
    await newUser("bob@example.com", "user_bob");
    expect(await rpc("getAccount", { userId: ada.id })).toEqual({ user: ada, balance: 0 });
    expect(await rpc("getAccountByWorkosId", { workosUserId: "user_ada" })).toEqual({ user: ada, balance: 0 });
    expect(await rpc("getUserByEmail", { email: "ADA@example.com" })).toEqual(ada);
    expect(await rpc("getAccount", { userId: "not-an-id" })).toBeNull();
    expect(await rpc("getAccountByWorkosId", { workosUserId: "user_nobody" })).toBeNull();
    expect(await rpc("getUserByEmail", { email: "nobody@example.com" })).toBeNull();
    const thread = await rpc("createThread", { ownerId: ada.id, title: "t", kind: "chat" });
    expect(await rpc("getAccount", { userId: thread.id })).toBeNull(); // an id of another table
    expect((await rpc("listUsers")).map((user: { email: string }) => user.email)).toEqual(["ada@example.com", "bob@example.com"]);
  });

  test("an account's balance follows the ledger: grants, debits, below zero", async () => {
    const { rpc, newUser } = controlPlane();
    const ada = await newUser("ada@example.com", "user_ada");
    const bob = await newUser("bob@example.com", "user_bob");
    const balances = async () => [
      (await rpc("getAccount", { userId: ada.id })).balance,
      (await rpc("getAccountByWorkosId", { workosUserId: "user_ada" })).balance,
      (await rpc("getAccount", { userId: bob.id })).balance,
    ];
    await rpc("grantCredits", { ownerId: ada.id, amount: 100, reason: "welcome", actorId: "root" });
    await rpc("debitCredits", { ownerId: ada.id, amount: 30, reason: "turn", reference: "resp_1" });
    expect(await balances()).toEqual([70, 70, 0]);
    await rpc("debitCredits", { ownerId: ada.id, amount: 90, reason: "long turn", reference: "resp_2" });
    expect(await balances()).toEqual([-20, -20, 0]);
  });

  test("setUserAccess turns access on and off, records who and when, and audits it", async () => {
    const { rpc, newUser } = controlPlane();
    const ada = await newUser();
    const enabled = await rpc("setUserAccess", { userId: ada.id, enabled: true, actorId: "admin@example.com" });
    expect(enabled).toMatchObject({ accessEnabled: true, accessChangedBy: "admin@example.com", accessChangedAt: expect.any(Number) });
    const disabled = await rpc("setUserAccess", { userId: ada.id, enabled: false, actorId: "root" });
    expect(disabled).toMatchObject({ accessEnabled: false, accessChangedBy: "root" });
    const audit = await rpc("listAudit", {});
    expect(audit.map((entry: { action: string; actor: string; target: string }) => [entry.action, entry.actor, entry.target])).toEqual([
      ["user.access.disable", "root", ada.id],
      ["user.access.enable", "admin@example.com", ada.id],
    ]);
    expect(audit[1].details).toEqual({ email: "ada@example.com" });
  });

  test("setUserRole changes the role and audits it", async () => {
    const { rpc, newUser } = controlPlane();
    const ada = await newUser();
    expect(await rpc("setUserRole", { userId: ada.id, role: "admin", actorId: "root" })).toMatchObject({ role: "admin" });
    expect(await rpc("listAudit", {})).toEqual([expect.objectContaining({ action: "user.role.set", actor: "root", target: ada.id, details: { email: "ada@example.com", role: "admin" } })]);
  });

  test("admin actions on an unknown user are 404 and audit nothing", async () => {
    const { call, rpc, expectError } = controlPlane();
    await expectError(call("setUserAccess", { userId: "nobody", enabled: true, actorId: "root" }), 404, "not_found");
    await expectError(call("setUserRole", { userId: "nobody", role: "admin", actorId: "root" }), 404, "not_found");
    expect(await rpc("listAudit", {})).toEqual([]);
  });

  test("bad input is a 400 that names the field", async () => {
    const { call, expectError } = controlPlane();
    const noEmail = await expectError(call("upsertUser", { workosUserId: "user_1" }), 400, "invalid_request");
    expect(noEmail.body.error.message).toContain("email");
    await expectError(call("upsertUser", { workosUserId: "user_1", email: "not an email" }), 400, "invalid_request");
    await expectError(call("setUserRole", { userId: "x", role: "superuser", actorId: "root" }), 400, "invalid_request");
    await expectError(call("setUserAccess", { userId: "x", enabled: "yes", actorId: "root" }), 400, "invalid_request");
    await expectError(call("getAccount", { userId: "x", extra: 1 }), 400, "invalid_request");
  });
});
