import { DurableObject } from "cloudflare:workers";
import type { ApiEnv } from "../env.ts";
import { takeToken, type BucketConfig, type BucketState } from "./token-bucket.ts";

/**
 * The longest a provisioning slot is held if its holder never releases it (a worker
 * evicted mid-provision): beyond the runtime's gateway start timeout.
 */
const PROVISIONING_LEASE_MS = 5 * 60 * 1000;
/** Provisioning usually finishes within ~15 s; clients are told to look again then. */
export const PROVISIONING_RETRY_AFTER_SECONDS = 10;

export interface LimitAnswer {
  allowed: boolean;
  retryAfterSeconds: number;
}

interface ProvisioningLease {
  id: string;
  expiresAt: number;
}

/**
 * One per user: a request token bucket (in memory: losing it on eviction only forgives
 * a few requests) and the user's single provisioning slot (stored, so it survives
 * eviction until its lease runs out).
 */
export class UserLimits extends DurableObject<ApiEnv> {
  #bucket: BucketState | null = null;

  takeRequest(config: BucketConfig): LimitAnswer {
    const result = takeToken(this.#bucket, Date.now(), config);
    this.#bucket = result.state;
    return { allowed: result.allowed, retryAfterSeconds: result.retryAfterSeconds };
  }

  /** A lease id when the slot was free; null when another provisioning holds it. */
  async acquireProvisioning(): Promise<string | null> {
    const now = Date.now();
    const current = await this.ctx.storage.get<ProvisioningLease>("provisioning");
    if (current && current.expiresAt > now) return null;
    const lease = { id: crypto.randomUUID(), expiresAt: now + PROVISIONING_LEASE_MS };
    await this.ctx.storage.put("provisioning", lease);
    return lease.id;
  }

  async releaseProvisioning(leaseId: string): Promise<void> {
    const current = await this.ctx.storage.get<ProvisioningLease>("provisioning");
    if (current?.id === leaseId) await this.ctx.storage.delete("provisioning");
  }
}
