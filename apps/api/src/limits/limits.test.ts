import { env, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { ApiEnv } from "../env.ts";
import { createConvexClient } from "@openclaw-cloud/convex-client";
import { UserLimits } from "./user-limits.ts";
import { call, expectError, newUser } from "../test-harness.ts";

/** The hold's id; a refused hold fails the test. */
async function holdOrFail(stub: DurableObjectStub<UserLimits>, ownerId: string, amount: number): Promise<string> {
  const hold = await stub.holdCredits(ownerId, amount);
  if (!hold.held) throw new Error(`a hold of ${amount} was refused`);
  return hold.holdId;
}

describe("per-user limits", () => {
  it("rate limits requests per user with Retry-After", async () => {
    const user = await newUser({ access: true });
    const limited = { RATE_LIMIT_BURST: "3", RATE_LIMIT_PER_SECOND: "0.5" };
    for (let i = 0; i < 3; i++) expect((await call("/api/keys", { headers: user.headers, env: limited })).status).toBe(200);
    const refused = await call("/api/keys", { headers: user.headers, env: limited });
    expect(refused.headers.get("retry-after")).toBe("2");
    await expectError(refused, 429, "rate_limited");
    // Another user has a bucket of their own.
    const other = await newUser({ access: true });
    expect((await call("/api/keys", { headers: other.headers, env: limited })).status).toBe(200);
  });

  it("allows one provisioning at a time per user: 429 provisioning_in_progress with Retry-After", async () => {
    const user = await newUser({ access: true });
    const limits = (env as unknown as ApiEnv).USER_LIMITS;
    const lease = await limits.get(limits.idFromName(user.id)).acquireProvisioning();
    expect(lease).not.toBeNull();
    for (const path of ["/api/openclaw/instance"]) {
      const refused = await call(path, { method: "POST", headers: user.headers });
      expect(refused.headers.get("retry-after")).toBe("10");
      await expectError(refused, 429, "provisioning_in_progress");
    }
    await limits.get(limits.idFromName(user.id)).releaseProvisioning(lease!);
    expect((await call("/api/openclaw/instance", { method: "POST", headers: user.headers })).status).not.toBe(429);
  });

  it("counts credit holds at once and stores them in one batch a second later: a settled call costs no write, an open one outlives its object", async () => {
    const user = await newUser({ access: true, credits: 100 });
    const limits = (env as unknown as ApiEnv).USER_LIMITS;
    const stub = limits.get(limits.idFromName(user.id));
    const held = (amount: number) => holdOrFail(stub, user.id, amount);
    await stub.settleCall(await held(10), null);
    const open = await held(100);
    // In memory at once: nothing is left after the open call's hold.
    expect(await stub.holdCredits(user.id, 1)).toEqual({ held: false, balance: 100 });
    const storedHolds = () => runInDurableObject(stub, async (_instance, state) => [...(await state.storage.list({ prefix: "hold:" })).keys()]);
    expect(await storedHolds()).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await storedHolds()).toEqual([`hold:${open}`]);
    // A new object on the same storage (as after an eviction) still counts the open call.
    const afterEviction = await runInDurableObject(stub, (_instance, state) => new UserLimits(state, env as unknown as ApiEnv).holdCredits(user.id, 1));
    expect(afterEviction).toEqual({ held: false, balance: 100 });
    await stub.settleCall(open, null);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await storedHolds()).toEqual([]);
  });

  it("settles a call at once: its debit counts against the balance then, reaches the ledger within seconds with the others of its moment, and outlives its object", async () => {
    const user = await newUser({ access: true, credits: 100 });
    const apiEnv = env as unknown as ApiEnv;
    const convex = createConvexClient({ url: apiEnv.CONVEX_URL, controlKey: apiEnv.CONVEX_CONTROL_KEY });
    const tenantId = `t-${user.id.slice(-12).toLowerCase()}`;
    await convex.createInstance({ ownerId: user.id, tenantId, provider: "openai-compatible", model: "echo-1" });
    const stub = apiEnv.USER_LIMITS.get(apiEnv.USER_LIMITS.idFromName(user.id));
    const held = (amount: number) => holdOrFail(stub, user.id, amount);
    const debit = (reference: string, amount: number) => ({ tenantId, amount, reason: "model call (echo-1)", reference });
    await stub.settleCall(await held(40), debit("model:gateway:first", 30));
    await stub.settleCall(await held(40), debit("model:gateway:second", 20));
    // Counted at once, before the ledger has either: 50 left, so a hold of 50 passes and then nothing is left.
    await held(50);
    expect(await stub.holdCredits(user.id, 1)).toEqual({ held: false, balance: 50 });
    await expect.poll(async () => (await convex.getAccount(user.id))?.balance, { timeout: 5_000 }).toBe(50);
    const references = async () => (await convex.billingSummary(user.id)).entries.map((entry) => entry.reference);
    expect((await references()).slice(0, 2).sort()).toEqual(["model:gateway:first", "model:gateway:second"]);

    // A debit its object stored but never sent (the object was lost first) is sent by the next one.
    await runInDurableObject(stub, (_instance, state) => state.storage.put("debit:model:gateway:left", debit("model:gateway:left", 5)));
    await runInDurableObject(stub, (_instance, state) => state.abort("evicted for the test")).catch(() => {});
    // The next object (a new stub: the old one broke with its object) loads what was stored.
    const next = apiEnv.USER_LIMITS.get(apiEnv.USER_LIMITS.idFromName(user.id));
    expect(await next.holdCredits(user.id, 1)).toMatchObject({ held: false });
    await expect.poll(references, { timeout: 5_000 }).toContain("model:gateway:left");
    expect((await convex.getAccount(user.id))?.balance).toBe(45);
  });
});
