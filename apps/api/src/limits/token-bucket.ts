export interface BucketConfig {
  /** Requests allowed at once after a quiet spell. */
  burst: number;
  /** Sustained requests per second. */
  perSecond: number;
}

export interface BucketState {
  tokens: number;
  updatedAt: number;
}

export interface TakeResult {
  state: BucketState;
  allowed: boolean;
  /** Whole seconds until a token is available again (0 when allowed). */
  retryAfterSeconds: number;
}

/** One request against a token bucket that refills continuously; pure. */
export function takeToken(previous: BucketState | null, nowMs: number, config: BucketConfig): TakeResult {
  const elapsedSeconds = previous ? Math.max(0, nowMs - previous.updatedAt) / 1000 : 0;
  const tokens = previous ? Math.min(config.burst, previous.tokens + elapsedSeconds * config.perSecond) : config.burst;
  if (tokens >= 1) return { state: { tokens: tokens - 1, updatedAt: nowMs }, allowed: true, retryAfterSeconds: 0 };
  return { state: { tokens, updatedAt: nowMs }, allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / config.perSecond)) };
}
