import type { Principal } from "../auth/principal.ts";
import { ApiError } from "../http/api-error.ts";
import { CREDITS_PER_TOKEN } from "./pricing.ts";

export { CREDITS_PER_TOKEN };

/** What a model call or turn of `totalTokens` tokens costs, rounded up to whole credits. */
export function creditsFor(totalTokens: number): number {
  return Math.ceil(totalTokens * CREDITS_PER_TOKEN);
}

/**
 * 402 before any work starts when the user has nothing left to spend. Goes by the balance
 * read at authentication, so a turn costs no Convex call of its own before it starts.
 */
export function requireCredits({ balance }: Pick<Principal, "balance">): void {
  if (balance <= 0) throw new ApiError("insufficient_credits", 402, "no credits left; ask an admin for more", { balance });
}
