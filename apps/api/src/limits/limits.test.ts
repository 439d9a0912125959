import { env, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { ApiEnv } from "../env.ts";
import { UserLimits } from "./user-limits.ts";
import { call, expectError, newUser } from "../test-harness.ts";

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
    const held = async (amount: number) => {
      const hold = await stub.holdCredits(user.id, amount);
      if (!hold.held) throw new Error(`a hold of ${amount} was refused`);
      return hold.holdId;
    };
    await stub.settleCredits(await held(10), null);
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
    await stub.settleCredits(open, null);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await storedHolds()).toEqual([]);
  });
});
