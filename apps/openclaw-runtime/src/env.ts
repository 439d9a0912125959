import type { Sandbox } from "@cloudflare/sandbox";

export interface RuntimeEnv {
  /** Shared with the API worker; every internal route requires it. */
  OA_INTERNAL_KEY: string;
  /** Signs short-lived tickets for the device / Control UI proxy. */
  PROXY_TICKET_SECRET: string;
  /** `TenantRuntime`, reached by `fetch` here (so this module needs not import the class); the API worker also calls its `modelCallSurface` over RPC. */
  TENANT_RUNTIME: DurableObjectNamespace;
  BACKUPS: R2Bucket;
  /** The SDK's Sandbox Durable Object: a container in production, `LocalSandbox` over apps/sandbox-host locally. */
  Sandbox: DurableObjectNamespace<Sandbox>;
  /**
   * The platform's model proxy as a tenant's gateway reaches it (the API worker's
   * `/api/model-proxy/v1`): tenants on the platform's model get it as their provider.
   */
  MODEL_PROXY_URL?: string;
  /** Local development and tests only: where `LocalSandbox` finds apps/sandbox-host, and its secret. */
  SANDBOX_HOST_URL?: string;
  SANDBOX_HOST_SECRET?: string;
  IDLE_SLEEP_SECONDS?: string;
  BACKUP_INTERVAL_SECONDS?: string;
  BACKUP_RETENTION?: string;
  GATEWAY_START_TIMEOUT_SECONDS?: string;
  /** How often the alarm checks a running gateway (crash and liveness watchdog). */
  WATCHDOG_INTERVAL_SECONDS?: string;
}

export interface RuntimeSettings {
  idleSleepMs: number;
  backupIntervalMs: number;
  backupRetention: number;
  gatewayStartTimeoutMs: number;
  watchdogIntervalMs: number;
}

function positiveNumber(raw: string | undefined, fallback: number): number {
  const value = Number(raw);
  return raw !== undefined && raw !== "" && Number.isFinite(value) && value > 0 ? value : fallback;
}

export function runtimeSettings(env: Partial<RuntimeEnv>): RuntimeSettings {
  return {
    idleSleepMs: positiveNumber(env.IDLE_SLEEP_SECONDS, 30 * 60) * 1000,
    backupIntervalMs: positiveNumber(env.BACKUP_INTERVAL_SECONDS, 6 * 60 * 60) * 1000,
    backupRetention: Math.floor(positiveNumber(env.BACKUP_RETENTION, 7)),
    gatewayStartTimeoutMs: positiveNumber(env.GATEWAY_START_TIMEOUT_SECONDS, 90) * 1000,
    watchdogIntervalMs: positiveNumber(env.WATCHDOG_INTERVAL_SECONDS, 5) * 1000,
  };
}
