import { mkdir, readdir, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { buildProcessEnv } from "./env.ts";
import { isRunnable, launchPrefix, visibleHome, type HomeMount } from "./home-mount.ts";
import { HttpError } from "./errors.ts";
import { runExec, type ExecResult } from "./exec.ts";
import { ProcessTable, type ProcessInfo } from "./processes.ts";
import { signalTree, terminateTree, type SpawnSpec } from "./process-tree.ts";
import type { PortAllocator } from "./ports.ts";
import { SandboxId, type ExecRequest } from "./schemas.ts";

const MAX_CONCURRENT_EXECS = 16;

export type SandboxesConfig = {
  stateRoot: string;
  /** PATH given to every sandbox process. */
  path: string;
  nodeEnv: string;
  killGraceMs: number;
  ports: PortAllocator;
  /** How processes see their home (home-mount.ts). */
  homeMount: HomeMount;
};

/** One sandbox: a private home directory, a gateway port and the processes running in it. */
export class Sandbox {
  readonly id: string;
  readonly home: string;
  /** The sandbox's own /tmp (home-mount.ts). */
  readonly tmp: string;
  readonly gatewayPort: number;
  readonly processes = new ProcessTable();
  readonly #execGroups = new Set<number>();
  readonly #config: SandboxesConfig;

  constructor(id: string, home: string, tmp: string, gatewayPort: number, config: SandboxesConfig) {
    this.id = id;
    this.home = home;
    this.tmp = tmp;
    this.gatewayPort = gatewayPort;
    this.#config = config;
  }

  spawnSpec(argv: readonly string[], env: Record<string, string> | undefined): SpawnSpec {
    const { homeMount, path, nodeEnv } = this.#config;
    const base = { path, home: visibleHome(homeMount, this.home), sandboxId: this.id, gatewayPort: this.gatewayPort, nodeEnv };
    const processEnv = buildProcessEnv(base, env);
    const launch = isRunnable(argv[0] ?? "", processEnv.PATH ?? "", this.home) ? launchPrefix(homeMount, this.home, this.tmp) : [];
    return { argv, launch, cwd: this.home, env: processEnv };
  }

  exec(request: ExecRequest, signal?: AbortSignal): Promise<ExecResult> {
    if (this.#execGroups.size >= MAX_CONCURRENT_EXECS) {
      throw new HttpError("too_many_processes", 429, `a sandbox runs at most ${MAX_CONCURRENT_EXECS} execs at once`);
    }
    return runExec({
      ...this.spawnSpec(request.argv, request.env),
      timeoutMs: request.timeoutMs,
      stdin: request.stdin,
      signal,
      onGroup: (pgid, running) => (running ? this.#execGroups.add(pgid) : this.#execGroups.delete(pgid)),
    });
  }

  async killAll(): Promise<void> {
    const graceMs = this.#config.killGraceMs;
    await Promise.all([this.processes.killAll(graceMs), ...[...this.#execGroups].map((pgid) => terminateTree(pgid, "SIGTERM", graceMs))]);
  }

  killAllSync(): void {
    this.processes.killAllSync();
    for (const pgid of this.#execGroups) signalTree(pgid, "SIGKILL");
  }

  info(): SandboxInfo {
    return { id: this.id, exists: true, home: this.home, gatewayPort: this.gatewayPort, processes: this.processes.list().map((p) => p.info()) };
  }
}

export type SandboxInfo = { id: string; exists: boolean; home: string; gatewayPort: number | null; processes: ProcessInfo[] };

export function parseSandboxId(raw: string | undefined): string {
  const parsed = SandboxId.safeParse(raw);
  if (!parsed.success) throw new HttpError("invalid_sandbox_id", 400, "sandbox id must match ^[a-z0-9][a-z0-9-]{0,62}$");
  return parsed.data;
}

/** All sandboxes of this host: active ones in memory, every one ever created on disk. */
export class SandboxRegistry {
  readonly #config: SandboxesConfig;
  readonly #active = new Map<string, Sandbox>();
  readonly #activating = new Map<string, Promise<Sandbox>>();
  readonly #destroying = new Map<string, Promise<void>>();
  #closed = false;

  constructor(config: SandboxesConfig) {
    this.#config = config;
  }

  get #root(): string {
    return join(this.#config.stateRoot, "sandboxes");
  }

  #homeOf(id: string): string {
    return join(this.#root, id, "home");
  }

  #tmpOf(id: string): string {
    return join(this.#root, id, "tmp");
  }

  /** How this host's sandbox processes see their home: at the container's path, or at their real one. */
  get homeMount(): HomeMount["kind"] {
    return this.#config.homeMount.kind;
  }

  active(id: string): Sandbox | undefined {
    return this.#active.get(id);
  }

  async exists(id: string): Promise<boolean> {
    await this.#destroying.get(id);
    return stat(this.#homeOf(id)).then(
      (stats) => stats.isDirectory(),
      () => false,
    );
  }

  /** The sandbox, created (directory and port) on first use. */
  async ensure(id: string): Promise<Sandbox> {
    if (this.#closed) throw new HttpError("host_closing", 503, "the sandbox host is shutting down");
    await this.#destroying.get(id);
    const known = this.#active.get(id);
    if (known) return known;
    let pending = this.#activating.get(id);
    if (!pending) {
      pending = this.#activate(id).finally(() => this.#activating.delete(id));
      this.#activating.set(id, pending);
    }
    return pending;
  }

  /** The home of a sandbox that must already exist (read-only operations do not create one). */
  async existingHome(id: string): Promise<string> {
    if (!(await this.exists(id))) throw new HttpError("sandbox_not_found", 404, `sandbox ${id} does not exist`);
    return this.#homeOf(id);
  }

  async info(id: string): Promise<SandboxInfo> {
    if (await this.exists(id)) return (await this.ensure(id)).info();
    return { id, exists: false, home: this.#homeOf(id), gatewayPort: null, processes: [] };
  }

  async list(): Promise<string[]> {
    const onDisk = await readdir(this.#root).catch(() => [] as string[]);
    const ids = new Set([...onDisk, ...this.#active.keys()]);
    return [...ids].filter((id) => SandboxId.safeParse(id).success).sort();
  }

  /** Kills every process of the sandbox, then removes its directory. */
  async destroy(id: string): Promise<{ id: string; existed: boolean }> {
    const inFlight = this.#destroying.get(id);
    if (inFlight) {
      await inFlight;
      return { id, existed: false };
    }
    const existed = this.#active.has(id) || (await this.exists(id));
    const destroying = this.#destroy(id);
    this.#destroying.set(id, destroying);
    try {
      await destroying;
    } finally {
      this.#destroying.delete(id);
    }
    return { id, existed };
  }

  /** Stops every process for good: no sandbox starts anything afterwards. */
  async closeAll(): Promise<void> {
    this.#closed = true;
    await Promise.all([...this.#active.values()].map((sandbox) => sandbox.killAll()));
  }

  killAllSync(): void {
    for (const sandbox of this.#active.values()) sandbox.killAllSync();
  }

  async #activate(id: string): Promise<Sandbox> {
    const gatewayPort = await this.#config.ports.allocate(id);
    const home = this.#homeOf(id);
    await mkdir(home, { recursive: true, mode: 0o700 });
    const tmp = this.#tmpOf(id);
    await mkdir(tmp, { recursive: true, mode: 0o700 });
    const sandbox = new Sandbox(id, home, tmp, gatewayPort, this.#config);
    this.#active.set(id, sandbox);
    return sandbox;
  }

  async #destroy(id: string): Promise<void> {
    await this.#activating.get(id)?.catch(() => undefined);
    const sandbox = this.#active.get(id);
    if (sandbox) await sandbox.killAll();
    this.#active.delete(id);
    this.#config.ports.release(id);
    await rm(join(this.#root, id), { recursive: true, force: true });
  }
}
