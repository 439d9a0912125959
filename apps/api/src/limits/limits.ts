import type { ApiEnv, ApiSettings } from "../env.ts";
import { ApiError } from "../http/api-error.ts";
import type { Debit } from "../billing/debit-queue.ts";
import { PROVISIONING_RETRY_AFTER_SECONDS, type CreditHold } from "./user-limits.ts";

function limitsOf(env: ApiEnv, userId: string) {
  return env.USER_LIMITS.get(env.USER_LIMITS.idFromName(userId));
}

/** 429 rate_limited with Retry-After when the user's bucket is empty. */
export async function enforceRequestRate(env: ApiEnv, settings: ApiSettings, userId: string): Promise<void> {
  const answer = await limitsOf(env, userId).takeRequest(settings.rateLimit);
  if (!answer.allowed) {
    throw new ApiError("rate_limited", 429, `too many requests; retry in ${answer.retryAfterSeconds} s`, { retryAfterSeconds: answer.retryAfterSeconds });
  }
}

/**
 * Takes the user's single provisioning slot (create, restart and restore each start a
 * gateway) and returns its release; while it is held, another gets 429
 * provisioning_in_progress. Streams release it when the stream's work is over.
 */
export async function acquireProvisioningSlot(env: ApiEnv, userId: string): Promise<() => Promise<void>> {
  const limits = limitsOf(env, userId);
  const lease = await limits.acquireProvisioning();
  if (!lease) {
    throw new ApiError("provisioning_in_progress", 429, "this instance is already being provisioned, restarted or restored", {
      retryAfterSeconds: PROVISIONING_RETRY_AFTER_SECONDS,
    });
  }
  return () => limits.releaseProvisioning(lease);
}

/** Holds `amount` credits of `ownerId` for a model call in flight, if any are left after the others (UserLimits.holdCredits). */
export function holdCredits(env: ApiEnv, ownerId: string, amount: number): Promise<CreditHold> {
  return limitsOf(env, ownerId).holdCredits(ownerId, amount);
}

/** Ends a call's hold and hands its debit (null: nothing to charge) to the ledger (UserLimits.settleCall). */
export function settleCall(env: ApiEnv, ownerId: string, holdId: string, debit: Debit | null): Promise<void> {
  return limitsOf(env, ownerId).settleCall(holdId, debit);
}
