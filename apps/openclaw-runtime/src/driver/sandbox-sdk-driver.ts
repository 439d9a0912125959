import { getSandbox, type Sandbox } from "@cloudflare/sandbox";
import { SANDBOX_LAYOUT } from "@openclaw-cloud/contracts";
import { shellQuote, type ExecResult, type ProcessInfo, type SandboxDriver } from "./sandbox-driver.ts";

const CONTAINER_SANDBOX_HOME = SANDBOX_LAYOUT.home;

/** The SDK says "not listening" with this text in a 500 from `containerFetch`. */
const UNREACHABLE_PREFIX = "Error proxying request to container:";

/**
 * How long a sandbox call may take before the runtime stops waiting for it. The SDK's rpc
 * transport bounds its connect but no single call, and a container that accepts and never
 * answers must not block the tenant's queue. Exec adds its own timeout to `control`; file
 * transfers grow with the state (200 MB and more), so they get `transfer`.
 */
export interface SandboxDeadlines {
  controlMs: number;
  transferMs: number;
}

export const SANDBOX_DEADLINES: SandboxDeadlines = { controlMs: 60_000, transferMs: 15 * 60_000 };

/** A sandbox call that did not answer within its deadline. */
export class SandboxTimeoutError extends Error {
  override readonly name = "SandboxTimeoutError";
}

/**
 * The tenant's sandbox over `@cloudflare/sandbox`: a Cloudflare Container in production,
 * `apps/sandbox-host` behind the same SDK class locally (`src/sandbox/local-sandbox.ts`).
 *
 * - Transport `rpc`: the only one that streams a `ReadableStream` into `writeFile` and
 *   reads raw bytes (`readFile` with `encoding: "none"`), so backups and restores pass
 *   through without a whole archive in memory.
 * - No `keepAlive`: the runtime releases the container itself when the tenant sleeps
 *   (backup, then `destroy`); `sleepAfter` is only the safety net for a forgotten one.
 */
export class SandboxSdkDriver implements SandboxDriver {
  readonly #sandbox: Sandbox;
  readonly #deadlines: SandboxDeadlines;

  constructor(namespace: DurableObjectNamespace<Sandbox>, sandboxId: string, sleepAfterSeconds: number, deadlines = SANDBOX_DEADLINES) {
    this.#sandbox = getSandbox(namespace, sandboxId, { transport: "rpc", sleepAfter: sleepAfterSeconds });
    this.#deadlines = deadlines;
  }

  exec(argv: string[], options: { env?: Record<string, string>; timeoutMs?: number } = {}): Promise<ExecResult> {
    return this.#within("exec", this.#deadlines.controlMs + (options.timeoutMs ?? 0), async () => {
      const result = await this.#sandbox.exec(shellQuote(argv), { env: options.env, timeout: options.timeoutMs, cwd: CONTAINER_SANDBOX_HOME });
      return { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr };
    });
  }

  startProcess(id: string, argv: string[], env: Record<string, string>): Promise<ProcessInfo> {
    return this.#within("startProcess", this.#deadlines.controlMs, async () => {
      const process = await this.#sandbox.startProcess(shellQuote(argv), { processId: id, env, cwd: CONTAINER_SANDBOX_HOME });
      return toProcessInfo(process.id, process.status, process.exitCode);
    });
  }

  getProcess(id: string): Promise<ProcessInfo | null> {
    return this.#within("getProcess", this.#deadlines.controlMs, async () => {
      const process = await this.#sandbox.getProcess(id);
      return process ? toProcessInfo(process.id, process.status, process.exitCode) : null;
    });
  }

  /** The SDK's kill takes no signal to the container: it sends SIGTERM, then SIGKILL, and returns once the tree is gone. */
  killProcess(id: string): Promise<void> {
    return this.#within("killProcess", this.#deadlines.controlMs, async () => {
      const process = await this.#sandbox.getProcess(id);
      if (process === null || (process.status !== "running" && process.status !== "starting")) return;
      await this.#sandbox.killProcess(id);
    });
  }

  processLogs(id: string): Promise<{ stdout: string; stderr: string }> {
    return this.#within("getProcessLogs", this.#deadlines.controlMs, async () => {
      const logs = await this.#sandbox.getProcessLogs(id);
      return { stdout: logs.stdout, stderr: logs.stderr };
    });
  }

  writeFile(path: string, body: ReadableStream<Uint8Array> | string): Promise<void> {
    return this.#within("writeFile", this.#deadlines.transferMs, async () => {
      await this.#sandbox.writeFile(`${CONTAINER_SANDBOX_HOME}/${path}`, body);
    });
  }

  /** Typed SDK errors lose their class across the Durable Object boundary, hence `exists` first. */
  readFile(path: string): Promise<ReadableStream<Uint8Array> | null> {
    const absolute = `${CONTAINER_SANDBOX_HOME}/${path}`;
    return this.#within("readFile", this.#deadlines.controlMs, async () => {
      if (!(await this.#sandbox.exists(absolute)).exists) return null;
      return (await this.#sandbox.readFile(absolute, { encoding: "none" })).content;
    });
  }

  exists(path: string): Promise<boolean> {
    return this.#within("exists", this.#deadlines.controlMs, async () => (await this.#sandbox.exists(`${CONTAINER_SANDBOX_HOME}/${path}`)).exists);
  }

  /** The files API, not `rm` in a shell: paths are the SDK's to resolve (the sandbox host maps them to a tenant's home). */
  deleteFile(path: string): Promise<void> {
    const absolute = `${CONTAINER_SANDBOX_HOME}/${path}`;
    return this.#within("deleteFile", this.#deadlines.controlMs, async () => {
      if ((await this.#sandbox.exists(absolute)).exists) await this.#sandbox.deleteFile(absolute);
    });
  }

  /**
   * A Request's AbortSignal cannot cross into the Sandbox Durable Object (the call fails
   * outright), so it stays here: callers bound their own waits (gateway/liveness.ts).
   */
  fetch(request: Request, port: number): Promise<Response> {
    const headers = new Headers(request.headers);
    if (request.headers.get("upgrade")?.toLowerCase() !== "websocket") return this.#sandbox.containerFetch(new Request(request, { headers, signal: null }), port);
    // The SDK's Sandbox honours wsConnect's port only when `Connection` says upgrade; without
    // it the socket goes to its control port (3000), which refuses it.
    headers.set("connection", "Upgrade");
    return this.#sandbox.wsConnect(new Request(request, { headers, signal: null }), port);
  }

  /** The runtime's "not listening" error becomes a 500 text answer of `containerFetch`. */
  async isUnreachable(response: Response): Promise<boolean> {
    if (response.status !== 500 || response.headers.get("content-type")?.includes("json")) return false;
    const text = await response.clone().text();
    return text.startsWith(UNREACHABLE_PREFIX) && text.includes("not listening");
  }

  /**
   * Releases the container. The SDK settles a stopped container's bookkeeping (its `onStop`,
   * which cuts every pending operation) only at its next alarm or next start; a wake that
   * comes first would have its own first operation cut by it. `stop()` settles it now.
   */
  destroy(): Promise<void> {
    return this.#within("destroy", this.#deadlines.controlMs, async () => {
      await this.#sandbox.destroy();
      await this.#sandbox.stop();
    });
  }

  async #within<T>(what: string, ms: number, call: () => Promise<T>): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new SandboxTimeoutError(`the sandbox did not answer ${what} within ${ms / 1000} s`)), ms);
    });
    try {
      return await Promise.race([call(), deadline]);
    } finally {
      clearTimeout(timer);
    }
  }
}

function toProcessInfo(id: string, status: string, exitCode: number | undefined): ProcessInfo {
  const running = status === "running" || status === "starting";
  return { id, status: running ? "running" : status === "killed" ? "killed" : "exited", exitCode: exitCode ?? null };
}
