import type { RuntimeStatus, TenantSettings } from "@openclaw-cloud/contracts";
import type { DeviceKeyJwk } from "@openclaw-cloud/gateway-rpc";
import type { BackupManifest } from "./backups/backup-catalog.ts";
import type { BackupStore } from "./backups/backup-store.ts";
import type { SandboxDriver } from "./driver/sandbox-driver.ts";
import type { TenantState } from "./lifecycle/tenant-state.ts";
import type { TicketLedger } from "./gateway/ticket-ledger.ts";
import type { TurnsInFlight } from "./model-proxy/turns-in-flight.ts";

/**
 * What the modules around the tenant's Durable Object may use of it: the gateway modules
 * (HTTP calls, the operator connection, relays, logs) see `GatewayTenant`, the routes see
 * `Tenant`. None of them imports the Durable Object class (tenant-runtime.ts implements these).
 */
export interface GatewayTenant {
  readonly state: TenantState;
  /** Which proxy tickets were used, and by which device. */
  readonly tickets: TicketLedger;
  /** The gateway's shared token; never leaves the runtime except into the gateway. */
  readonly gatewayToken: string;
  /** The tenant's sandbox; the gateway may or may not be running in it. */
  driver(): SandboxDriver;
  /** The sandbox with the gateway running in it, woken or started on the way. */
  ensureRunning(): Promise<SandboxDriver>;
  /** Runs a call against the running gateway; a gateway found gone is started again once. */
  withGateway<T>(call: (driver: SandboxDriver) => Promise<T>): Promise<T>;
  /** A lease that keeps the tenant awake until released (idempotent release). */
  hold(): () => void;
  /** Notes activity for the idle timer. */
  touch(): void;
  /** Keeps background work alive past the response. */
  waitUntil(promise: Promise<unknown>): void;
  gatewayBroke(error: unknown): Promise<void>;
  gatewayNotAnswering(): Promise<void>;
  gatewayAnswered(): Promise<void>;
  /** The runtime's own operator device for this tenant's gateway. */
  operatorDeviceKey(): Promise<DeviceKeyJwk>;
  /** Every secret this tenant's gateway holds, for redacting its logs. */
  knownSecrets(): string[];
}

export type ProvisionStage = "provisioning" | "restoring" | "starting" | "ready";

/** The status contract lives in the contracts package: the API reads exactly this. */
export type TenantStatus = RuntimeStatus;

export interface Tenant extends GatewayTenant {
  status(): TenantStatus;
  provision(tenantId: string, settings: TenantSettings, onStage?: (stage: ProvisionStage) => void): Promise<TenantStatus>;
  reconfigure(settings: TenantSettings): Promise<TenantStatus>;
  /** Stops and starts the gateway, on `settings` when given (stored first). */
  restart(settings?: TenantSettings): Promise<TenantStatus>;
  stop(): Promise<TenantStatus>;
  destroy(purgeBackups: boolean): Promise<TenantStatus>;
  acknowledgeCrash(): Promise<TenantStatus>;
  /** The API's turns running now, by surface: what a model call is billed to. */
  readonly turns: TurnsInFlight;
  backupNow(reason: "manual"): Promise<BackupManifest>;
  backups(): BackupStore;
  restore(id: string | undefined): Promise<TenantStatus>;
}
