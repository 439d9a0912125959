/**
 * The tenant's Durable Object: the lifecycle core. Why one file this long: every lifecycle
 * step (provision, start, sleep and wake, backup, restore, crash healing, destroy) reads and
 * writes the same persisted state through one serial queue, and that state is private to
 * this class so nothing outside the queue can change it. What needs none of that state lives
 * beside it: the decisions in lifecycle/ (state machine, crash backoff, backup and alarm
 * schedules, leases), the sandbox side of a start in gateway/gateway-launch.ts, and moving
 * archives between the sandbox and R2 in backups/sandbox-backup.ts.
 */
import { DurableObject } from "cloudflare:workers";
import {
  MAX_MODEL_CREDENTIAL_LENGTH,
  SANDBOX_LAYOUT,
  TenantSettingsSchema,
  type CrashReport,
  type ModelCallSurface,
  type TenantModelCredentials,
  type TenantSettings,
} from "@openclaw-cloud/contracts";
import { BackupStore } from "./backups/backup-store.ts";
import type { BackupManifest, BackupReason } from "./backups/backup-catalog.ts";
import { backUpSandbox, placeArchive, restoreIntoSandbox } from "./backups/sandbox-backup.ts";
import { generateDeviceKey, type DeviceKeyJwk } from "@openclaw-cloud/gateway-rpc";
import { SandboxSdkDriver } from "./driver/sandbox-sdk-driver.ts";
import type { ProcessInfo, SandboxDriver } from "./driver/sandbox-driver.ts";
import { runtimeSettings, type RuntimeEnv, type RuntimeSettings } from "./env.ts";
import { GATEWAY_PROCESS } from "./gateway/gateway-process.ts";
import { dropGatewayRpc, keepApprovalClient } from "./gateway/gateway-rpc-session.ts";
import { GatewayUnreachableError, gatewayAnswersInTime, isGatewayReady, toTimeout, toUnavailable } from "./gateway/gateway-http.ts";
import { launchedOpenclawVersion, launchGateway, waitUntilPortFree } from "./gateway/gateway-launch.ts";
import { GatewayTimeoutError } from "./gateway/liveness.ts";
import { RuntimeError } from "./http/errors.ts";
import { nextAlarmAt, sandboxSleepAfterSeconds } from "./lifecycle/alarm-schedule.ts";
import { backupFailed, nextBackupAt, type BackupFailure } from "./lifecycle/backup-schedule.ts";
import { crashStreakAfter, restartDelayMs } from "./lifecycle/crash-healing.ts";
import { sandboxIdFor } from "./lifecycle/sandbox-generation.ts";
import { INITIAL_TENANT_STATE, canTransition, isMidOperation, transition, type TenantEvent, type TenantState } from "./lifecycle/tenant-state.ts";
import { readGatewayLogs } from "./logs/gateway-logs.ts";
import { gatewaySettingsFor, holdsModelCredential, issueModelCredential, revokeModelCredential, type ModelCredentials } from "./model-proxy/model-credentials.ts";
import { tenantRoutes } from "./tenant-routes.ts";
import { TicketLedger } from "./gateway/ticket-ledger.ts";
import { TurnsInFlight } from "./model-proxy/turns-in-flight.ts";
import { CountedLeases } from "./lifecycle/counted-leases.ts";
import type { ProvisionStage, Tenant, TenantStatus } from "./tenant.ts";

const POLL_MS = 100;
const CRASH_LOG_LINES = 20;
const ACTIVITY_PERSIST_MS = 10_000;
/** How long a gateway found broken may take to show as exited in the sandbox before it counts as merely not ready. */
const EXIT_SEEN_WITHIN_MS = 2_000;
/** What a request that finds the gateway stopping is told to wait before trying again. */
const BUSY_RETRY_AFTER_SECONDS = 5;
/** How long a restore lets calls, streams and relays on the replaced gateway finish before its sandbox goes. */
const RESTORE_DRAIN_MS = 30_000;

interface Stored {
  state: TenantState;
  tenantId: string | null;
  settings: TenantSettings | null;
  gatewayToken: string | null;
  openclawVersion: string | null;
  lastBackup: BackupManifest | null;
  lastActivity: number;
  lastScheduledBackup: number;
  /** The runtime's own operator device key for this tenant's gateway. */
  operatorDevice: DeviceKeyJwk | null;
  notAnsweringSince: number | null;
  crash: CrashReport | null;
  /** Crashes (and failed restarts) in a row; see lifecycle/crash-healing.ts. */
  crashStreak: number;
  /** When the watchdog restarts the crashed gateway; null when no restart is pending. */
  restartAt: number | null;
  backupFailure: BackupFailure | null;
  /** The sandbox that holds the gateway (lifecycle/sandbox-generation.ts); each restore moves to the next. */
  sandboxGeneration: number;
  /** A restore's new sandbox until the switch: destroyed if the restore never finished. */
  preparingGeneration: number | null;
  /** What the tenant's gateways present to the platform's model proxy (model-proxy/model-credentials.ts). */
  modelCredentials: ModelCredentials;
}

/**
 * One per tenant. Owns the tenant's lifecycle (see lifecycle/tenant-state.ts), its
 * settings and gateway token (which never leave this object except into the gateway
 * process), and serialises every lifecycle operation so two gateways never start.
 */
export class TenantRuntime extends DurableObject<RuntimeEnv> implements Tenant, TenantModelCredentials {
  readonly settings: RuntimeSettings;
  #stored: Stored = {
    state: INITIAL_TENANT_STATE,
    tenantId: null,
    settings: null,
    gatewayToken: null,
    openclawVersion: null,
    lastBackup: null,
    lastActivity: 0,
    lastScheduledBackup: 0,
    operatorDevice: null,
    notAnsweringSince: null,
    crash: null,
    crashStreak: 0,
    restartAt: null,
    backupFailure: null,
    sandboxGeneration: 0,
    preparingGeneration: null,
    modelCredentials: {},
  };
  #queue: Promise<unknown> = Promise.resolve();
  /** Calls, streams and relays in flight (see hold), by the sandbox generation that served when they began. */
  readonly #leases = new CountedLeases<number>();
  #lastActivityPersisted = 0;
  readonly #routes = tenantRoutes(this);
  readonly tickets = new TicketLedger(this.ctx.storage);
  readonly turns = new TurnsInFlight();

  constructor(ctx: DurableObjectState, env: RuntimeEnv) {
    super(ctx, env);
    this.settings = runtimeSettings(env);
    ctx.blockConcurrencyWhile(async () => {
      const entries = await ctx.storage.get(Object.keys(this.#stored));
      for (const [key, value] of entries) (this.#stored as unknown as Record<string, unknown>)[key] = value;
      // No operation survives its isolate: a persisted starting/stopping/provisioning is one
      // that died half-way. Recorded as such, the next request or the watchdog recovers it.
      const { state } = this.#stored;
      if (isMidOperation(state)) await this.#apply({ type: "interrupted", error: `interrupted while ${state.name}: the runtime restarted` });
      // A restore that died before its switch left a sandbox nobody serves from.
      const { preparingGeneration } = this.#stored;
      if (preparingGeneration !== null) ctx.waitUntil(this.#serial(() => this.#discardPrepared(preparingGeneration)).catch(() => {}));
    });
  }

  override fetch(request: Request): Promise<Response> {
    return Promise.resolve(this.#routes.fetch(request));
  }

  get state(): TenantState {
    return this.#stored.state;
  }

  get gatewayToken(): string {
    if (!this.#stored.gatewayToken) throw new RuntimeError("tenant_not_provisioned", 404, "no OpenClaw instance for this tenant");
    return this.#stored.gatewayToken;
  }

  /** Every secret this tenant's gateway holds (token, provider key, model proxy credentials, channel tokens), for redacting its logs. */
  knownSecrets(): string[] {
    const { gatewayToken, settings, modelCredentials } = this.#stored;
    const providerKey = settings?.model.provider === "platform" ? undefined : settings?.model.apiKey;
    return [gatewayToken, providerKey, ...Object.values(modelCredentials), settings?.channels.telegram?.botToken].filter((secret): secret is string => Boolean(secret));
  }

  /**
   * For the platform's model proxy (over RPC, from the API worker's binding to this class):
   * the surface to bill a model call to when `credential` is one this tenant's gateways hold
   * now, else null, also for anything that is no credential. A model call is the gateway at
   * work (a cron or channel turn, say), so it counts as activity.
   */
  async modelCallSurface(credential: string): Promise<ModelCallSurface | null> {
    if (typeof credential !== "string" || credential === "" || credential.length > MAX_MODEL_CREDENTIAL_LENGTH) return null;
    if (!(await holdsModelCredential(this.#stored.modelCredentials, credential))) return null;
    this.touch();
    return this.turns.surface();
  }

  /** The tenant's sandbox through the `Sandbox` binding (a container in production, the sandbox host locally). */
  driver(): SandboxDriver {
    return this.#driverAt(this.#stored.sandboxGeneration);
  }

  #driverAt(generation: number): SandboxDriver {
    return new SandboxSdkDriver(this.env.Sandbox, sandboxIdFor(this.#requireTenantId(), generation), sandboxSleepAfterSeconds(this.settings.idleSleepMs));
  }

  /** Created on first use and kept for the tenant's lifetime, so its pairing persists. */
  async operatorDeviceKey(): Promise<DeviceKeyJwk> {
    if (!this.#stored.operatorDevice) await this.#save({ operatorDevice: await generateDeviceKey() });
    return this.#stored.operatorDevice as DeviceKeyJwk;
  }

  backups(): BackupStore {
    return new BackupStore(this.env.BACKUPS, this.#requireTenantId());
  }

  status(): TenantStatus {
    const { state, settings, lastBackup } = this.#stored;
    return {
      tenantId: this.#stored.tenantId,
      state: state.name,
      since: state.since ? new Date(state.since).toISOString() : null,
      uptimeMs: state.name === "running" && state.readyAt ? Date.now() - state.readyAt : null,
      lastError: state.lastError,
      lastErrorAt: state.lastErrorAt ? new Date(state.lastErrorAt).toISOString() : null,
      openclawVersion: this.#stored.openclawVersion,
      lastBackup: lastBackup ? { id: lastBackup.id, createdAt: lastBackup.createdAt, reason: lastBackup.reason, bytes: lastBackup.bytes } : null,
      agent: settings ? { name: settings.agent.name } : null,
      model: settings ? { provider: settings.model.provider, model: settings.model.model } : null,
      notAnsweringSince: this.#stored.notAnsweringSince ? new Date(this.#stored.notAnsweringSince).toISOString() : null,
      crash: this.#stored.crash,
      nextRestartAt: this.#stored.restartAt ? new Date(this.#stored.restartAt).toISOString() : null,
      lastBackupError: backupError(this.#stored.backupFailure),
    };
  }

  /** First creation of the tenant's gateway. Restores the newest backup if one exists. */
  provision(tenantId: string, settings: TenantSettings, onStage: (stage: ProvisionStage) => void = () => {}): Promise<TenantStatus> {
    return this.#serial(async () => {
      if (this.#stored.state.name !== "absent") throw new RuntimeError("tenant_exists", 409, "this tenant already has an OpenClaw instance");
      onStage("provisioning");
      await this.#apply({ type: "provision" });
      await this.#save({ tenantId, settings, gatewayToken: randomToken(), lastScheduledBackup: Date.now() });
      await this.#start(onStage);
      return this.status();
    });
  }

  /** New settings (e.g. a new provider key): stored, then the gateway restarts on them. */
  reconfigure(settings: TenantSettings): Promise<TenantStatus> {
    return this.#serial(async () => {
      this.#requireProvisioned();
      await this.#save({ settings: TenantSettingsSchema.parse(settings) });
      if (this.#stored.state.name === "running" || this.#stored.state.name === "error") {
        await this.#stopGateway();
        await this.#start();
      }
      return this.status();
    });
  }

  /** Every request that needs the gateway goes through here; a sleeping or failed tenant wakes. */
  async ensureRunning(): Promise<SandboxDriver> {
    this.touch();
    if (this.#stored.state.name === "running") return this.driver();
    this.#requireProvisioned();
    // Going to sleep (or restarting): a clear "try again shortly", not a wait of unknown length.
    if (this.#stored.state.name === "stopping") {
      throw new RuntimeError("tenant_busy", 503, "the instance is stopping; try again in a few seconds", { retryAfterSeconds: BUSY_RETRY_AFTER_SECONDS });
    }
    await this.#serial(async () => {
      if (this.#stored.state.name !== "running") await this.#start();
    });
    return this.driver();
  }

  /**
   * Runs `call` against a running gateway. When the gateway turns out to be gone although
   * we believed it running (the container was recycled, the local host restarted), it is
   * started again and `call` retried once.
   */
  async withGateway<T>(call: (driver: SandboxDriver) => Promise<T>): Promise<T> {
    const release = this.hold();
    try {
      return await this.#withGatewayHeld(call);
    } finally {
      release();
    }
  }

  async #withGatewayHeld<T>(call: (driver: SandboxDriver) => Promise<T>): Promise<T> {
    const driver = await this.ensureRunning();
    try {
      const result = await call(driver);
      await this.gatewayAnswered();
      return result;
    } catch (error) {
      if (error instanceof GatewayTimeoutError) {
        await this.gatewayNotAnswering();
        throw toTimeout(error);
      }
      if (!(error instanceof GatewayUnreachableError)) throw error;
      await this.gatewayBroke(error);
      if (this.#stored.state.name === "running") throw toUnavailable(error);
      try {
        return await call(await this.ensureRunning());
      } catch (retryError) {
        throw retryError instanceof GatewayUnreachableError ? toUnavailable(retryError) : retryError;
      }
    }
  }

  restart(settings?: TenantSettings): Promise<TenantStatus> {
    return this.#serial(async () => {
      this.#requireProvisioned();
      if (settings) await this.#save({ settings: TenantSettingsSchema.parse(settings) });
      await this.#stopGateway();
      await this.#start();
      return this.status();
    });
  }

  /**
   * Puts the tenant to sleep now; the next request wakes it. Asked for by a person, so a
   * failed backup fails the stop (`backup_failed`) and the gateway keeps running.
   */
  stop(): Promise<TenantStatus> {
    return this.#serial(async () => {
      this.#requireProvisioned();
      if (this.#stored.state.name === "sleeping") return this.status();
      if (await this.#hasState()) await this.#backup("sleep");
      await this.#sleep(true);
      return this.status();
    });
  }

  /**
   * Idle sleep, from the alarm. The backup takes seconds, so whether the tenant is still
   * idle is asked again after it: a request, stream or relay that came meanwhile keeps it
   * awake (the backup stays, as a scheduled one would). A tenant in `error` sleeps too, and
   * so does one whose backup failed (see #sleep): failing backups never keep it awake.
   */
  #sleepIfIdle(): Promise<void> {
    return this.#serial(async () => {
      const { name } = this.#stored.state;
      if ((name !== "running" && name !== "error") || !this.#isIdle()) return;
      const saved = await this.#backupBeforeIdleSleep();
      if (this.#isIdle()) await this.#sleep(saved);
    });
  }

  /** True when the disk holds nothing that a backup lacks; a failure is logged and in the status. */
  async #backupBeforeIdleSleep(): Promise<boolean> {
    if (!(await this.#hasState())) return true;
    try {
      await this.#backup("sleep");
      return true;
    } catch (error) {
      console.error("backup before sleep failed", (error as Error).message);
      return false;
    }
  }

  #isIdle(): boolean {
    return this.#leases.keys().length === 0 && Date.now() - this.#stored.lastActivity >= this.settings.idleSleepMs;
  }

  /** Whether the sandbox's disk holds a gateway's state (a fresh or recycled one holds none), by the launcher's own markers. */
  async #hasState(): Promise<boolean> {
    const driver = this.driver();
    const found = await Promise.all(SANDBOX_LAYOUT.stateMarkers.map((marker) => driver.exists(`${SANDBOX_LAYOUT.stateDir}/${marker}`)));
    return found.includes(true);
  }

  /**
   * Stops the gateway. The container (and its instance slot) is released when its state is
   * safe in a backup; after a failed backup it is left to the SDK's own `sleepAfter`, so a
   * wake before then still finds the newer state on its disk (and the status shows the failure).
   */
  async #sleep(saved: boolean): Promise<void> {
    await this.#stopGateway();
    if (saved) await this.driver().destroy();
    await this.#save({ restartAt: null, notAnsweringSince: null, modelCredentials: revokeModelCredential(this.#stored.modelCredentials, this.#stored.sandboxGeneration) });
  }

  /**
   * Removes the sandbox. Backups stay unless purged, so provisioning again restores them.
   * Idempotent: a tenant that is already gone answers its (absent) status, so a caller whose
   * own bookkeeping failed after this succeeded can simply retry.
   */
  destroy(purgeBackups: boolean): Promise<TenantStatus> {
    return this.#serial(async () => {
      if (this.#stored.state.name === "absent") {
        if (purgeBackups && this.#stored.tenantId) await this.backups().deleteAll();
        return this.status();
      }
      if (this.#stored.state.name === "running" && !purgeBackups) await this.#backup("destroy");
      await this.#apply({ type: "destroy" });
      await this.driver().destroy();
      if (this.#stored.preparingGeneration !== null) await this.#discardPrepared(this.#stored.preparingGeneration);
      if (purgeBackups) await this.backups().deleteAll();
      await this.#apply({ type: "destroyed" });
      await this.#save({
        settings: null,
        gatewayToken: null,
        openclawVersion: null,
        lastBackup: purgeBackups ? null : this.#stored.lastBackup,
        notAnsweringSince: null,
        crash: null,
        crashStreak: 0,
        restartAt: null,
        backupFailure: null,
        sandboxGeneration: 0,
        modelCredentials: {},
      });
      await this.ctx.storage.deleteAlarm();
      return this.status();
    });
  }

  backupNow(reason: BackupReason = "manual"): Promise<BackupManifest> {
    return this.#serial(async () => {
      this.#requireProvisioned();
      if (this.#stored.state.name !== "running") await this.#start();
      return this.#backup(reason);
    });
  }

  /**
   * Replaces the gateway's state with a backup (the newest when no id is given), without
   * taking the running gateway down: the backup is restored into a new sandbox and a gateway
   * started there beside the running one; once it is ready the tenant switches to it, and
   * the old sandbox goes when what still runs on it has finished (at most RESTORE_DRAIN_MS).
   * A restore that fails leaves the running gateway as it was. The new sandbox sees its
   * state at the same path as the old one (a container's home; the sandbox host's mount
   * namespaces), which OpenClaw needs: its state holds absolute paths of its directory.
   */
  restore(id: string | undefined): Promise<TenantStatus> {
    return this.#serial(async () => {
      this.#requireProvisioned();
      const store = this.backups();
      const manifest = id ? await store.get(id) : await store.newest();
      if (!manifest) throw new RuntimeError("backup_not_found", 404, id ? `no backup ${id}` : "this tenant has no backups");
      // The state being replaced is kept first (retention keeps the newest of this reason), so
      // a restore of the wrong backup can itself be undone. No safety backup, no restore.
      if (await this.#hasState()) await this.#backup("restore");
      const wasRunning = this.#stored.state.name === "running";
      if (!wasRunning) await this.#apply({ type: "start" });
      const previous = this.#stored.sandboxGeneration;
      const next = previous + 1;
      await this.#save({ preparingGeneration: next });
      try {
        await this.#launchRestored(next, manifest);
      } catch (error) {
        await this.#discardPrepared(next).catch(() => {});
        const failure = error instanceof RuntimeError ? error : new RuntimeError("restore_failed", 500, `restore failed: ${(error as Error).message}`);
        if (!wasRunning) await this.#apply({ type: "fail", error: failure.message });
        throw failure;
      }
      await this.#save({ sandboxGeneration: next, preparingGeneration: null, restartAt: null, notAnsweringSince: null });
      if (!wasRunning) await this.#apply({ type: "ready" });
      dropGatewayRpc(this);
      keepApprovalClient(this);
      this.touch();
      await this.#scheduleAlarm();
      this.waitUntil(this.#retire(previous));
      return this.status();
    });
  }

  /** Restores the backup into a sandbox that holds nothing yet and starts its gateway there. */
  async #launchRestored(generation: number, manifest: BackupManifest): Promise<void> {
    const driver = this.#driverAt(generation);
    await driver.destroy(); // a leftover of an earlier attempt would hold stale state
    await restoreIntoSandbox(driver, this.backups(), manifest, this.knownSecrets());
    await this.#launch(generation);
  }

  async #discardPrepared(generation: number): Promise<void> {
    await this.#driverAt(generation).destroy();
    await this.#save({
      modelCredentials: revokeModelCredential(this.#stored.modelCredentials, generation),
      ...(this.#stored.preparingGeneration === generation ? { preparingGeneration: null } : {}),
    });
  }

  /** Lets what began on a replaced sandbox finish (at most RESTORE_DRAIN_MS), then releases it. */
  async #retire(generation: number): Promise<void> {
    const deadline = Date.now() + RESTORE_DRAIN_MS;
    while (this.#leases.count(generation) > 0 && Date.now() < deadline) await scheduler.wait(POLL_MS);
    await this.#save({ modelCredentials: revokeModelCredential(this.#stored.modelCredentials, generation) });
    await this.#driverAt(generation)
      .destroy()
      .catch((error) => console.error("releasing the sandbox a restore replaced failed; the SDK's sleepAfter will", (error as Error).message));
  }

  /** Keeps background work (progress streams, failure bookkeeping) alive past the response. */
  waitUntil(promise: Promise<unknown>): void {
    this.ctx.waitUntil(promise);
  }

  /** Notes activity so the idle timer restarts; persisted at most every few seconds. */
  touch(): void {
    const now = Date.now();
    this.#stored.lastActivity = now;
    if (now - this.#lastActivityPersisted > ACTIVITY_PERSIST_MS) {
      this.#lastActivityPersisted = now;
      this.ctx.waitUntil(this.ctx.storage.put("lastActivity", now).then(() => this.#scheduleAlarm()));
    }
  }

  /**
   * Work that needs the gateway (a call, a streamed answer, a device relay) holds a lease
   * until it ends: the tenant never goes to sleep under it. The returned release is idempotent.
   */
  hold(): () => void {
    const release = this.#leases.acquire(this.#stored.sandboxGeneration);
    this.touch();
    return () => {
      if (release()) this.touch();
    };
  }

  /** The last crash has been seen (by the person or an admin): the status stops showing it. */
  async acknowledgeCrash(): Promise<TenantStatus> {
    if (this.#stored.state.name === "absent") throw new RuntimeError("tenant_not_provisioned", 404, "no OpenClaw instance for this tenant");
    await this.#save({ crash: null });
    return this.status();
  }

  /** A call or probe got no answer from a gateway that still holds its port (frozen). */
  async gatewayNotAnswering(): Promise<void> {
    if (this.#stored.notAnsweringSince === null && this.#stored.state.name === "running") await this.#save({ notAnsweringSince: Date.now() });
  }

  async gatewayAnswered(): Promise<void> {
    if (this.#stored.notAnsweringSince !== null) await this.#save({ notAnsweringSince: null });
  }

  /** A stream or call found the gateway gone: record it so the next request restarts it. */
  async gatewayBroke(error: unknown): Promise<void> {
    if (error instanceof GatewayTimeoutError) return this.gatewayNotAnswering();
    await this.#serial(async () => {
      if (this.#stored.state.name !== "running") return;
      const driver = this.driver();
      // The process as the sandbox sees it, when it is no longer running (unknown: undefined).
      const exited = async () => {
        const process = await driver.getProcess(GATEWAY_PROCESS).catch(() => undefined);
        return process !== undefined && process?.status !== "running" ? { process } : undefined;
      };
      let found = await exited();
      if (!found && (await isGatewayReady(driver, this.#stored.gatewayToken ?? undefined))) return;
      // A process killed a moment ago still reads as running until the sandbox has seen it
      // exit: give that a moment, so a crash is recorded as one (status, backoff).
      for (const deadline = Date.now() + EXIT_SEEN_WITHIN_MS; !found && Date.now() < deadline; ) {
        await scheduler.wait(POLL_MS);
        found = await exited();
      }
      if (found) return this.#recordCrash(found.process);
      await this.#apply({ type: "fail", error: `gateway stopped: ${(error as Error)?.message ?? String(error)}` });
    });
  }

  override async alarm(): Promise<void> {
    await this.#watchdog().catch((error) => console.error("gateway watchdog failed", (error as Error).message));
    const { state, lastScheduledBackup, backupFailure } = this.#stored;
    if (state.name === "running" && Date.now() >= nextBackupAt(lastScheduledBackup, this.settings.backupIntervalMs, backupFailure)) {
      await this.backupNow("scheduled").catch((error) => console.error("scheduled backup failed", (error as Error).message));
    }
    if (this.#isIdle()) await this.#sleepIfIdle().catch((error) => console.error("idle sleep failed", (error as Error).message));
    await this.#scheduleAlarm();
  }

  /**
   * Runs on every alarm. A running gateway whose process has exited is a crash: recorded
   * (when, exit code, last log lines) and restarted, at once or after the backoff of
   * lifecycle/crash-healing.ts. A running one that does not answer its probe is shown as not
   * answering. Both go through the queue, so they never race a start or stop.
   */
  async #watchdog(): Promise<void> {
    const { state, restartAt } = this.#stored;
    if (state.name === "running") await this.#serial(() => this.#checkGateway());
    else if (state.name === "error" && restartAt !== null && Date.now() >= restartAt) await this.#serial(() => this.#healCrash());
  }

  async #checkGateway(): Promise<void> {
    if (this.#stored.state.name !== "running") return;
    const driver = this.driver();
    const process = await driver.getProcess(GATEWAY_PROCESS);
    if (process?.status === "running") {
      if (await gatewayAnswersInTime(driver)) await this.gatewayAnswered();
      else await this.gatewayNotAnswering();
      return;
    }
    await this.#recordCrash(process);
    if (Date.now() >= (this.#stored.restartAt ?? Infinity)) await this.#healCrash();
  }

  /** The gateway process exited by itself: shown in the status, and a restart is scheduled. */
  async #recordCrash(process: ProcessInfo | null): Promise<void> {
    const now = Date.now();
    const lastLogLines = await readGatewayLogs(this, GATEWAY_PROCESS, CRASH_LOG_LINES).catch(() => []);
    const crashStreak = crashStreakAfter(this.#stored.crashStreak, this.#stored.state.readyAt, now);
    const exitCode = process?.exitCode ?? null;
    await this.#save({ crash: { at: new Date(now).toISOString(), exitCode, lastLogLines }, crashStreak, restartAt: now + restartDelayMs(crashStreak), notAnsweringSince: null });
    await this.#apply({ type: "fail", error: `gateway exited${exitCode === null ? "" : ` with code ${exitCode}`}` });
    await this.#scheduleAlarm();
  }

  /** Restarts a crashed gateway; a failed restart lengthens the streak and so the next delay. */
  async #healCrash(): Promise<void> {
    if (this.#stored.state.name !== "error" || this.#stored.restartAt === null) return;
    try {
      await this.#start();
    } catch (error) {
      const crashStreak = this.#stored.crashStreak + 1;
      await this.#save({ crashStreak, restartAt: Date.now() + restartDelayMs(crashStreak) });
      console.error("restarting a crashed gateway failed", (error as Error).message);
    }
  }

  async #scheduleAlarm(): Promise<void> {
    const next = nextAlarmAt(this.#stored, this.settings, Date.now());
    if (next === null) return;
    const current = await this.ctx.storage.getAlarm();
    if (current === null || current > next || current < Date.now()) await this.ctx.storage.setAlarm(Math.max(next, Date.now() + 1000));
  }

  /** Starts the gateway; callers hold the queue. */
  async #start(onStage: (stage: ProvisionStage) => void = () => {}): Promise<void> {
    await this.#apply({ type: "start" });
    const driver = this.driver();
    try {
      await driver.killProcess(GATEWAY_PROCESS);
      await waitUntilPortFree(driver);
      if (!(await this.#hasState())) {
        const newest = await this.backups().newest();
        if (newest) {
          onStage("restoring");
          await placeArchive(driver, this.backups(), newest);
        }
      }
      onStage("starting");
      await this.#launch(this.#stored.sandboxGeneration);
      await this.#save({ restartAt: null, notAnsweringSince: null });
      await this.#apply({ type: "ready" });
      onStage("ready");
      this.touch();
      await this.#scheduleAlarm();
    } catch (error) {
      const message = error instanceof RuntimeError ? error.message : `gateway failed to start: ${(error as Error).message}`;
      await driver.killProcess(GATEWAY_PROCESS).catch(() => {});
      await this.#apply({ type: "fail", error: message });
      throw error instanceof RuntimeError ? error : new RuntimeError("gateway_start_failed", 502, message);
    }
  }

  /**
   * Starts the gateway in the sandbox of `generation` and waits until it is ready. A tenant
   * on the platform's model gets a new model proxy credential with every start (the one its
   * previous gateway held stops working).
   */
  async #launch(generation: number): Promise<void> {
    const driver = this.#driverAt(generation);
    const { settings, gatewayToken } = this.#stored;
    if (!settings || !gatewayToken) throw new RuntimeError("tenant_not_provisioned", 404, "no OpenClaw instance for this tenant");
    const issued = settings.model.provider === "platform" ? issueModelCredential(this.#stored.modelCredentials, this.#requireTenantId(), generation) : null;
    await this.#save({ modelCredentials: issued?.held ?? revokeModelCredential(this.#stored.modelCredentials, generation) });
    const launchSettings = gatewaySettingsFor(settings, issued && { url: this.env.MODEL_PROXY_URL, credential: issued.credential });
    await launchGateway(driver, { settings: launchSettings, gatewayToken, startTimeoutMs: this.settings.gatewayStartTimeoutMs, secrets: this.knownSecrets() });
    if (!this.#stored.openclawVersion) await this.#save({ openclawVersion: await launchedOpenclawVersion(driver) });
  }

  async #stopGateway(): Promise<void> {
    const { name } = this.#stored.state;
    if (name === "sleeping") return;
    await this.#apply({ type: "stop" });
    await this.driver().killProcess(GATEWAY_PROCESS);
    await this.#apply({ type: "stopped" });
  }

  /** One backup; a failure is kept for the status (and the retry schedule) until one works again. */
  async #backup(reason: BackupReason): Promise<BackupManifest> {
    try {
      const manifest = await this.#makeBackup(reason);
      if (this.#stored.backupFailure) await this.#save({ backupFailure: null });
      return manifest;
    } catch (error) {
      await this.#save({ backupFailure: backupFailed(this.#stored.backupFailure, (error as Error).message, Date.now()) });
      throw error;
    }
  }

  async #makeBackup(reason: BackupReason): Promise<BackupManifest> {
    const manifest = await backUpSandbox(this.driver(), this.backups(), {
      reason,
      openclawVersion: this.#stored.openclawVersion,
      retention: this.settings.backupRetention,
      secrets: this.knownSecrets(),
    });
    await this.#save({ lastBackup: manifest, ...(reason === "scheduled" ? { lastScheduledBackup: Date.now() } : {}) });
    return manifest;
  }

  async #apply(event: TenantEvent): Promise<void> {
    await this.#save({ state: transition(this.#stored.state, event, Date.now()) });
  }

  async #save(patch: Partial<Stored>): Promise<void> {
    Object.assign(this.#stored, patch);
    await this.ctx.storage.put(patch as Record<string, unknown>);
  }

  /** Runs lifecycle operations one at a time, in arrival order. */
  #serial<T>(operation: () => Promise<T>): Promise<T> {
    const guarded = () => operation().catch((error: unknown) => this.#settleFailure(error));
    const run = this.#queue.then(guarded, guarded);
    this.#queue = run.catch(() => {});
    return run;
  }

  /**
   * A lifecycle step that failed on the sandbox itself (unreachable host, lost container)
   * must not leave the tenant half-way (stuck in `stopping`) nor surface as a bare 500:
   * it is recorded as the tenant's error and reported as `gateway_unavailable`.
   */
  async #settleFailure(error: unknown): Promise<never> {
    const failure = error instanceof RuntimeError ? error : new RuntimeError("gateway_unavailable", 502, `sandbox unavailable: ${(error as Error)?.message ?? String(error)}`);
    const { name } = this.#stored.state;
    if ((name === "stopping" || name === "starting" || name === "provisioning") && canTransition(this.#stored.state, "fail")) {
      await this.#apply({ type: "fail", error: failure.message });
    }
    throw failure;
  }

  #requireProvisioned(): void {
    if (this.#stored.state.name === "absent" || !this.#stored.settings) {
      throw new RuntimeError("tenant_not_provisioned", 404, "no OpenClaw instance for this tenant");
    }
  }

  #requireTenantId(): string {
    if (!this.#stored.tenantId) throw new RuntimeError("tenant_not_provisioned", 404, "no OpenClaw instance for this tenant");
    return this.#stored.tenantId;
  }
}

function backupError(failure: BackupFailure | null): TenantStatus["lastBackupError"] {
  return failure ? { at: new Date(failure.at).toISOString(), message: failure.message, failures: failure.count } : null;
}

function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
