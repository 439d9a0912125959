import { stat } from "node:fs/promises";
import { Readable } from "node:stream";
import { RpcTarget } from "capnweb";
import { SANDBOX_LAYOUT } from "@openclaw-cloud/contracts";
import { HttpError } from "./errors.ts";
import { deletePath, openFileForRead, writeFileAtomic } from "./files.ts";
import type { ManagedProcess } from "./processes.ts";
import type { Sandbox } from "./sandboxes.ts";

const CONTAINER_HOME = SANDBOX_LAYOUT.home;

/**
 * The container control API of `@cloudflare/sandbox` (the rpc transport: a capnweb session
 * on `/rpc` of container port 3000), answered for one sandbox of this host. Only the calls
 * the tenant runtime makes are served; the SDK's other domains (git, interpreter, ports,
 * watch, backup, tunnels) are absent, so calling them fails loudly instead of pretending.
 *
 * Errors cross the session as an `Error` whose message is the SDK's JSON error shape
 * (`{ code, message }`), which its client turns back into typed errors
 * (`ProcessNotFoundError`, `FileNotFoundError`, ...).
 */
export class SandboxControlApi extends RpcTarget {
  readonly #sandbox: Sandbox;
  readonly #killGraceMs: number;

  constructor(sandbox: Sandbox, killGraceMs: number) {
    super();
    this.#sandbox = sandbox;
    this.#killGraceMs = killGraceMs;
  }

  get commands(): CommandsApi {
    return new CommandsApi(this.#sandbox);
  }
  get files(): FilesApi {
    return new FilesApi(this.#sandbox);
  }
  get processes(): ProcessesApi {
    return new ProcessesApi(this.#sandbox, this.#killGraceMs);
  }
  get utils(): UtilsApi {
    return new UtilsApi();
  }
}

type ExecOptions = { timeoutMs?: number; env?: Record<string, string | undefined>; cwd?: string };

class CommandsApi extends RpcTarget {
  readonly #sandbox: Sandbox;
  constructor(sandbox: Sandbox) {
    super();
    this.#sandbox = sandbox;
  }

  async execute(command: string, _sessionId: string, options: ExecOptions = {}) {
    assertHomeCwd(options.cwd);
    const result = await this.#sandbox.exec({ argv: ["/bin/sh", "-c", command], env: definedEnv(options.env), timeoutMs: options.timeoutMs ?? 60_000 });
    return { success: result.exitCode === 0, exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr, command, timestamp: now() };
  }
}

class FilesApi extends RpcTarget {
  readonly #sandbox: Sandbox;
  constructor(sandbox: Sandbox) {
    super();
    this.#sandbox = sandbox;
  }

  async writeFile(path: string, content: string, _sessionId: string) {
    const written = await writeFileAtomic(this.#sandbox.home, homeRelative(path), Readable.from([Buffer.from(content)]));
    return { success: true, path, bytesWritten: written.bytes, timestamp: now() };
  }

  /** Streamed straight to disk: an archive of any size never sits in memory here. */
  async writeFileStream(path: string, stream: ReadableStream<Uint8Array>, _sessionId: string) {
    const written = await writeFileAtomic(this.#sandbox.home, homeRelative(path), Readable.fromWeb(stream as never));
    return { success: true, path, bytesWritten: written.bytes, timestamp: now() };
  }

  /** Only the raw form (`encoding: "none"`): the file's bytes as a stream. */
  async readFile(path: string, _sessionId: string, options: { encoding?: string } = {}) {
    if (options.encoding !== "none") throw sdkError("VALIDATION_FAILED", "this sandbox host serves readFile with encoding: 'none' only");
    const file = await openFileForRead(this.#sandbox.home, homeRelative(path)).catch((error) => {
      throw asSdkError(error, path);
    });
    const content = Readable.toWeb(file.stream) as ReadableStream<Uint8Array>;
    return { success: true, path, content, size: file.bytes, mimeType: "application/octet-stream", timestamp: now() };
  }

  async exists(path: string, _sessionId: string) {
    const exists = await stat(`${this.#sandbox.home}/${homeRelative(path)}`).then(
      () => true,
      () => false,
    );
    return { success: true, path, exists, timestamp: now() };
  }

  async deleteFile(path: string, _sessionId: string) {
    await deletePath(this.#sandbox.home, homeRelative(path)).catch((error) => {
      throw asSdkError(error, path);
    });
    return { success: true, path, timestamp: now() };
  }
}

class ProcessesApi extends RpcTarget {
  readonly #sandbox: Sandbox;
  readonly #killGraceMs: number;
  constructor(sandbox: Sandbox, killGraceMs: number) {
    super();
    this.#sandbox = sandbox;
    this.#killGraceMs = killGraceMs;
  }

  async startProcess(command: string, _sessionId: string, options: ExecOptions & { processId?: string } = {}) {
    assertHomeCwd(options.cwd);
    const argv = ["/bin/sh", "-c", `exec ${command}`];
    const started = this.#sandbox.processes.start(this.#sandbox.spawnSpec(argv, definedEnv(options.env)), options.processId);
    await started.started;
    return { success: true, processId: started.id, pid: started.pid, command, timestamp: now() };
  }

  async getProcess(id: string) {
    const managed = this.#find(id);
    const info = managed.info();
    return {
      success: true,
      process: {
        id: info.id,
        pid: info.pid ?? undefined,
        command: info.argv.join(" "),
        status: sdkStatus(managed),
        startTime: info.startedAt,
        endTime: info.endedAt ?? undefined,
        exitCode: info.exitCode ?? undefined,
      },
      timestamp: now(),
    };
  }

  /** The SDK's call carries no signal: SIGTERM, then SIGKILL after the grace; resolves once the tree is gone. */
  async killProcess(id: string) {
    await this.#find(id).kill("SIGTERM", this.#killGraceMs);
    return { success: true, processId: id, signal: "SIGTERM", timestamp: now() };
  }

  async getProcessLogs(id: string) {
    const logs = this.#find(id).logs();
    return { success: true, processId: id, stdout: logs.stdout, stderr: logs.stderr, timestamp: now() };
  }

  #find(id: string): ManagedProcess {
    const managed = this.#sandbox.processes.find(id);
    if (!managed) throw sdkError("PROCESS_NOT_FOUND", `no process ${id}`);
    return managed;
  }
}

class UtilsApi extends RpcTarget {
  async ping() {
    return "healthy";
  }
  /** Sessions are the SDK's shell contexts; here every call runs in the sandbox home anyway. */
  async createSession(options: { id: string }) {
    return { success: true, id: options.id, message: "session created", timestamp: now(), containerPlacementId: null };
  }
}

function sdkStatus(managed: ManagedProcess): "running" | "completed" | "failed" | "killed" {
  const info = managed.info();
  if (info.status === "running") return "running";
  if (info.status === "killed") return "killed";
  return info.exitCode === 0 ? "completed" : "failed";
}

/** Container paths (`/home/openclaw/...`, or relative to it) to paths inside this sandbox's home. */
export function homeRelative(path: string): string {
  if (path === CONTAINER_HOME) return "";
  if (path.startsWith(`${CONTAINER_HOME}/`)) return path.slice(CONTAINER_HOME.length + 1);
  if (path.startsWith("/")) throw sdkError("PERMISSION_DENIED", `${path} is outside ${CONTAINER_HOME}`);
  return path;
}

function assertHomeCwd(cwd: string | undefined): void {
  if (cwd !== undefined && cwd !== CONTAINER_HOME) throw sdkError("VALIDATION_FAILED", `commands run in ${CONTAINER_HOME} here, not ${cwd}`);
}

function definedEnv(env: Record<string, string | undefined> | undefined): Record<string, string> | undefined {
  if (!env) return undefined;
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

function sdkError(code: string, message: string): Error {
  return new Error(JSON.stringify({ code, message }));
}

function asSdkError(error: unknown, path: string): Error {
  if (error instanceof HttpError && error.status === 404) return sdkError("FILE_NOT_FOUND", `${path} does not exist`);
  return sdkError("FILESYSTEM_ERROR", error instanceof Error ? error.message : String(error));
}

function now(): string {
  return new Date().toISOString();
}
