import type { ConvexClient } from "@openclaw-cloud/convex-client";
import type { Principal } from "../auth/principal.ts";
import { ApiError } from "../http/api-error.ts";
import { CREDITS_PER_TOKEN } from "./pricing.ts";

export { CREDITS_PER_TOKEN };

/** Token counts from a gateway's OpenResponses `usage` object. */
export interface TurnUsage {
  /** The gateway's response id: the idempotency reference of the debit. */
  responseId: string;
  inputTokens: number;
  outputTokens: number;
  totalTokens: number;
}

export function creditsFor(usage: TurnUsage): number {
  return Math.ceil(usage.totalTokens * CREDITS_PER_TOKEN);
}

const count = (value: unknown): number => (typeof value === "number" && Number.isFinite(value) && value > 0 ? Math.floor(value) : 0);

/** Reads `{ id, usage: { input_tokens, output_tokens, total_tokens } }` from an OpenResponses response object. */
export function usageOfResponse(response: unknown): TurnUsage | null {
  if (!response || typeof response !== "object") return null;
  const { id, usage } = response as { id?: unknown; usage?: unknown };
  if (typeof id !== "string" || !id || !usage || typeof usage !== "object") return null;
  const u = usage as Record<string, unknown>;
  const inputTokens = count(u.input_tokens);
  const outputTokens = count(u.output_tokens);
  const totalTokens = count(u.total_tokens) || inputTokens + outputTokens;
  return { responseId: id, inputTokens, outputTokens, totalTokens };
}

/**
 * 402 before any work starts when the user has nothing left to spend. Goes by the balance
 * read at authentication, so a turn costs no Convex call of its own before it starts.
 */
export function requireCredits({ balance }: Pick<Principal, "balance">): void {
  if (balance <= 0) throw new ApiError("insufficient_credits", 402, "no credits left; ask an admin for more", { balance });
}

/** Debits a finished turn once (the response id makes a retried debit a no-op). */
export async function chargeTurn(convex: ConvexClient, ownerId: string, usage: TurnUsage): Promise<void> {
  const amount = creditsFor(usage);
  if (amount <= 0) return;
  try {
    await convex.debitCredits({ ownerId, amount, reason: `chat turn: ${usage.totalTokens} tokens`, reference: `response:${usage.responseId}` });
  } catch (error) {
    // The turn already happened; a lost debit is logged for reconciliation, never surfaced as the turn failing.
    console.error("debit failed", ownerId, usage.responseId, error instanceof Error ? error.message : String(error));
  }
}
