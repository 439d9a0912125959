import { env, runInDurableObject } from "cloudflare:test";
import { createConvexClient } from "@openclaw-cloud/convex-client";
import { describe, expect, it } from "vitest";
import type { ApiEnv } from "../env.ts";
import { newUser } from "../test-harness.ts";
import { DEBIT_SEND_DELAY_MS, DebitQueue, type Debit } from "./debit-queue.ts";

const apiEnv = env as unknown as ApiEnv;

describe("DebitQueue", () => {
  it("keeps what the ledger did not take and sends it again with backoff, each debit charged once", async () => {
    const user = await newUser({ credits: 100 });
    const convex = createConvexClient({ url: apiEnv.CONVEX_URL, controlKey: apiEnv.CONVEX_CONTROL_KEY });
    const tenantId = `t-${user.id.slice(-12).toLowerCase()}`;
    await convex.createInstance({ ownerId: user.id, tenantId, provider: "openai-compatible", model: "echo-1" });
    const debit = (reference: string, amount: number): Debit => ({ tenantId, amount, reason: "model call (echo-1)", reference: `model:gateway:${reference}` });
    // Its own object (not the user's), so only this queue sends these debits.
    const stub = apiEnv.USER_LIMITS.get(apiEnv.USER_LIMITS.idFromName(`debit-queue-test-${user.id}`));
    await runInDurableObject(stub, async (_instance, state) => {
      // The database as it fails: down (nothing lands), or the answer lost after the debits landed.
      let ledger: "down" | "answer lost" | "up" = "down";
      const balances: Array<number | null> = [];
      const queue = new DebitQueue(
        state.storage,
        async (tenant, debits) => {
          if (ledger === "down") throw new Error("convex unavailable");
          const answer = await convex.debitTenant({ tenantId: tenant, debits });
          if (ledger === "answer lost") throw new Error("connection reset");
          return answer?.balanceAfter ?? null;
        },
        (balanceAfter) => balances.push(balanceAfter),
      );
      const stored = async () => [...(await state.storage.list({ prefix: "debit:" })).keys()].sort();

      queue.add(debit("a", 10));
      queue.add(debit("b", 5));
      queue.add(debit("a", 10)); // the same call again: counted once
      expect(queue.waiting()).toBe(15);
      expect(await stored()).toEqual(["debit:model:gateway:a", "debit:model:gateway:b"]);

      await queue.sendWaiting();
      expect(queue.waiting()).toBe(15);
      // Tried again after twice the delay, then four times, …
      expect(await state.storage.getAlarm()).toBeGreaterThan(Date.now() + DEBIT_SEND_DELAY_MS);

      ledger = "answer lost";
      await queue.sendWaiting();
      expect(queue.waiting()).toBe(15);
      ledger = "up";
      await queue.sendWaiting();
      expect(queue.waiting()).toBe(0);
      expect(balances).toEqual([85]);
      expect(await stored()).toEqual([]);
      // The batch landed twice in the ledger's eyes and was charged once.
      expect((await convex.getAccount(user.id))?.balance).toBe(85);
    });
  });
});
