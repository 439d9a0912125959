import { getSandbox, type Sandbox } from "@cloudflare/sandbox";
import { shellQuote, type ExecResult, type ProcessInfo, type SandboxDriver } from "./sandbox-driver.ts";
import { stopWithGrace } from "./stop-with-grace.ts";

/** Matches `SANDBOX_HOME` in apps/openclaw-runtime/Dockerfile. */
export const CONTAINER_SANDBOX_HOME = "/home/openclaw";

/**
 * Production driver over Cloudflare Containers. The container may be recycled at any
 * time (its disk is ephemeral), which is why the runtime backs up to R2 before sleeping
 * and the launcher restores the newest backup into a fresh state directory.
 */
export class CloudflareSandboxDriver implements SandboxDriver {
  readonly #sandbox: Sandbox;

  constructor(namespace: DurableObjectNamespace<Sandbox>, sandboxId: string) {
    // The runtime decides when to sleep (after a backup); keep the container until then.
    this.#sandbox = getSandbox(namespace, sandboxId, { keepAlive: true });
  }

  async exec(argv: string[], options: { env?: Record<string, string>; timeoutMs?: number } = {}): Promise<ExecResult> {
    const result = await this.#sandbox.exec(shellQuote(argv), { env: options.env, timeout: options.timeoutMs, cwd: CONTAINER_SANDBOX_HOME });
    return { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr };
  }

  async startProcess(id: string, argv: string[], env: Record<string, string>): Promise<ProcessInfo> {
    const process = await this.#sandbox.startProcess(shellQuote(argv), { processId: id, env, cwd: CONTAINER_SANDBOX_HOME });
    return toProcessInfo(process.id, process.status, process.exitCode);
  }

  async getProcess(id: string): Promise<ProcessInfo | null> {
    const process = await this.#sandbox.getProcess(id);
    return process ? toProcessInfo(process.id, process.status, process.exitCode) : null;
  }

  async killProcess(id: string): Promise<void> {
    const isRunning = async () => {
      const process = await this.#sandbox.getProcess(id);
      return process !== null && (process.status === "running" || process.status === "starting");
    };
    if (!(await isRunning())) return;
    await stopWithGrace({ signal: (signal) => this.#sandbox.killProcess(id, signal), isRunning });
  }

  async processLogs(id: string): Promise<{ stdout: string; stderr: string }> {
    const logs = await this.#sandbox.getProcessLogs(id);
    return { stdout: logs.stdout, stderr: logs.stderr };
  }

  async writeFile(path: string, body: ReadableStream<Uint8Array> | string): Promise<void> {
    await this.#sandbox.writeFile(`${CONTAINER_SANDBOX_HOME}/${path}`, body);
  }

  async readFile(path: string): Promise<ReadableStream<Uint8Array> | null> {
    const absolute = `${CONTAINER_SANDBOX_HOME}/${path}`;
    if (!(await this.#sandbox.exists(absolute)).exists) return null;
    return this.#sandbox.readFileStream(absolute);
  }

  async deleteFile(path: string): Promise<void> {
    await this.#sandbox.exec(shellQuote(["rm", "-f", `${CONTAINER_SANDBOX_HOME}/${path}`]));
  }

  fetch(request: Request, port: number): Promise<Response> {
    if (request.headers.get("upgrade")?.toLowerCase() === "websocket") return this.#sandbox.wsConnect(request, port);
    return this.#sandbox.containerFetch(request, port);
  }

  /** containerFetch throws when the port is closed; a 503 without a body is the SDK's "not listening". */
  async isUnreachable(response: Response): Promise<boolean> {
    return response.status === 503 && !response.headers.get("content-type");
  }

  destroy(): Promise<void> {
    return this.#sandbox.destroy();
  }
}

function toProcessInfo(id: string, status: string, exitCode: number | undefined): ProcessInfo {
  const running = status === "running" || status === "starting";
  return { id, status: running ? "running" : status === "killed" ? "killed" : "exited", exitCode: exitCode ?? null };
}
