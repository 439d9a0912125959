import { describe, expect, test } from "vitest";
import { usageByDay } from "./credits";
import { controlPlane } from "./test.setup";

describe("credits", () => {
  test("the balance is the newest row's balanceAfter; grants are audited", async () => {
    const { rpc, newUser } = controlPlane();
    const ada = await newUser();
    expect((await rpc("getAccount", { userId: ada.id })).balance).toBe(0);
    const grant = await rpc("grantCredits", { ownerId: ada.id, amount: 100, reason: "welcome", actorId: "admin@example.com" });
    expect(grant).toEqual({
      id: expect.any(String),
      ownerId: ada.id,
      delta: 100,
      reason: "welcome",
      reference: null,
      balanceAfter: 100,
      createdAt: expect.any(Number),
    });
    const debit = await rpc("debitCredits", { ownerId: ada.id, amount: 30, reason: "chat turn", reference: "turn:1" });
    expect(debit).toMatchObject({ delta: -30, reference: "turn:1", balanceAfter: 70 });
    expect((await rpc("getAccount", { userId: ada.id })).balance).toBe(70);
    expect(await rpc("listAudit", {})).toEqual([
      expect.objectContaining({
        actor: "admin@example.com",
        action: "credits.grant",
        target: ada.id,
        details: { amount: 100, reason: "welcome", ledgerEntryId: grant.id, balanceAfter: 100 },
      }),
    ]);
  });

  test("a tenant's model calls are charged to the owner of its instance, once per reference", async () => {
    const { rpc, newUser } = controlPlane();
    const ada = await newUser();
    await rpc("grantCredits", { ownerId: ada.id, amount: 50, reason: "seed", actorId: "root" });
    expect(await rpc("tenantOwner", { tenantId: "u-ada" })).toBeNull();
    const call = (reference: string, amount = 5) => ({ amount, reason: "model call", reference });
    expect(await rpc("debitTenant", { tenantId: "u-ada", debits: [call("model:1")] })).toBeNull();
    await rpc("createInstance", { ownerId: ada.id, tenantId: "u-ada", provider: "openai-compatible", model: "echo-1" });
    expect(await rpc("tenantOwner", { tenantId: "u-ada" })).toBe(ada.id);
    expect(await rpc("debitTenant", { tenantId: "u-ada", debits: [call("model:1")] })).toEqual({ balanceAfter: 45 });
    // A batch: each call once by its reference, a retried one (model:1) not again.
    expect(await rpc("debitTenant", { tenantId: "u-ada", debits: [call("model:1"), call("model:2", 3), call("model:3", 2)] })).toEqual({ balanceAfter: 40 });
    expect((await rpc("getAccount", { userId: ada.id })).balance).toBe(40);
  });

  test("a debit is idempotent by reference, per owner", async () => {
    const { rpc, newUser } = controlPlane();
    const ada = await newUser("ada@example.com");
    const bob = await newUser("bob@example.com");
    await rpc("grantCredits", { ownerId: ada.id, amount: 10, reason: "seed", actorId: "root" });
    const first = await rpc("debitCredits", { ownerId: ada.id, amount: 4, reason: "turn", reference: "resp_1" });
    const retried = await rpc("debitCredits", { ownerId: ada.id, amount: 4, reason: "turn", reference: "resp_1" });
    expect(retried).toEqual(first);
    expect((await rpc("getAccount", { userId: ada.id })).balance).toBe(6);
    // The same reference for another owner is another debit.
    expect(await rpc("debitCredits", { ownerId: bob.id, amount: 4, reason: "turn", reference: "resp_1" })).toMatchObject({ balanceAfter: -4 });
    expect((await rpc("getAccount", { userId: ada.id })).balance).toBe(6);
  });

  test("concurrent retries of one debit count once", async () => {
    const { rpc, newUser } = controlPlane();
    const ada = await newUser();
    await rpc("grantCredits", { ownerId: ada.id, amount: 10, reason: "seed", actorId: "root" });
    const results = await Promise.all(Array.from({ length: 5 }, () => rpc("debitCredits", { ownerId: ada.id, amount: 3, reason: "turn", reference: "resp_9" })));
    expect(new Set(results.map((entry: { id: string }) => entry.id)).size).toBe(1);
    expect((await rpc("getAccount", { userId: ada.id })).balance).toBe(7);
  });

  test("usage that already happened is recorded even below zero", async () => {
    const { rpc, newUser } = controlPlane();
    const ada = await newUser();
    await rpc("grantCredits", { ownerId: ada.id, amount: 5, reason: "seed", actorId: "root" });
    expect(await rpc("debitCredits", { ownerId: ada.id, amount: 8, reason: "long turn", reference: "r1" })).toMatchObject({ balanceAfter: -3 });
    expect((await rpc("getAccount", { userId: ada.id })).balance).toBe(-3);
    expect(await rpc("grantCredits", { ownerId: ada.id, amount: 10, reason: "top up", actorId: "root" })).toMatchObject({ balanceAfter: 7 });
  });

  test("a grant with a reference is idempotent too and audited once", async () => {
    const { rpc, newUser } = controlPlane();
    const ada = await newUser();
    const grant = { ownerId: ada.id, amount: 50, reason: "promo", actorId: "root", reference: "promo:2026" };
    const first = await rpc("grantCredits", grant);
    expect(await rpc("grantCredits", grant)).toEqual(first);
    expect((await rpc("getAccount", { userId: ada.id })).balance).toBe(50);
    expect(await rpc("listAudit", {})).toHaveLength(1);
  });

  test("billingSummary has the balance and the newest 20 entries, newest first", async () => {
    const { rpc, newUser } = controlPlane();
    const ada = await newUser();
    await rpc("grantCredits", { ownerId: ada.id, amount: 1000, reason: "seed", actorId: "root" });
    for (let turn = 1; turn <= 22; turn++) {
      await rpc("debitCredits", { ownerId: ada.id, amount: 1, reason: "turn", reference: `turn:${turn}` });
    }
    const summary = await rpc("billingSummary", { ownerId: ada.id });
    expect(summary.balance).toBe(978);
    expect(summary.entries).toHaveLength(20);
    expect(summary.entries[0]).toMatchObject({ reference: "turn:22", balanceAfter: 978 });
    expect(summary.entries[19]).toMatchObject({ reference: "turn:3" });
    expect(summary.usageByDay).toEqual([{ day: new Date().toISOString().slice(0, 10), openclaw: 22, threads: 0, openclawBySurface: { unrecorded: 22 } }]);
    expect(await rpc("billingSummary", { ownerId: "nobody" })).toEqual({ balance: 0, entries: [], usageByDay: [] });
  });

  test("usage by day sums debits per UTC day, per kind and per surface, within the window", () => {
    const day = Date.UTC(2026, 11, 7, 12);
    const entries = [
      { delta: -5, reference: "model:chatcmpl-1", createdAt: day + 1000 },
      { delta: -7, reference: "model:website:chatcmpl-2", createdAt: day + 900 },
      { delta: -1, reference: "model:gateway:chatcmpl-3", createdAt: day + 800 },
      { delta: -4, reference: "model:website:chatcmpl-4", createdAt: day + 700 },
      { delta: -3, reference: "thread-turn:t1:x", createdAt: day },
      { delta: 100, reference: null, createdAt: day },
      { delta: -2, reference: "response:resp_1", createdAt: day - 24 * 60 * 60 * 1000 },
      { delta: -9, reference: "model:old", createdAt: day - 40 * 24 * 60 * 60 * 1000 },
    ];
    expect(usageByDay(entries, day - 30 * 24 * 60 * 60 * 1000)).toEqual([
      { day: "2026-12-07", openclaw: 17, threads: 3, openclawBySurface: { unrecorded: 5, website: 11, gateway: 1 } },
      { day: "2026-12-06", openclaw: 2, threads: 0, openclawBySurface: { unrecorded: 2 } },
    ]);
  });

  test("unknown owners and bad amounts are refused, and nothing is posted", async () => {
    const { rpc, call, newUser, expectError } = controlPlane();
    const ada = await newUser();
    await expectError(call("grantCredits", { ownerId: "nobody", amount: 1, reason: "x", actorId: "root" }), 404, "not_found");
    await expectError(call("debitCredits", { ownerId: "nobody", amount: 1, reason: "x", reference: "r" }), 404, "not_found");
    for (const amount of [0, -5, 1.5, "10", 2_000_000_000]) {
      await expectError(call("grantCredits", { ownerId: ada.id, amount, reason: "x", actorId: "root" }), 400, "invalid_request");
      await expectError(call("debitCredits", { ownerId: ada.id, amount, reason: "x", reference: "r" }), 400, "invalid_request");
    }
    await expectError(call("debitCredits", { ownerId: ada.id, amount: 1, reason: "x" }), 400, "invalid_request");
    expect(await rpc("billingSummary", { ownerId: ada.id })).toEqual({ balance: 0, entries: [], usageByDay: [] });
  });
});
