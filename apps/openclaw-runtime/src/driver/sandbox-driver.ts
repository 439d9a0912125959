/**
 * The narrow set of sandbox primitives the tenant runtime needs. One implementation,
 * `SandboxSdkDriver` over `@cloudflare/sandbox`: a Cloudflare Container in production, and
 * locally the same SDK whose container fetch reaches `apps/sandbox-host` (sandbox/), so
 * local runs exercise the production code path.
 *
 * Paths are relative to the sandbox home (`$SANDBOX_HOME`); commands are argv arrays.
 */
export interface ExecResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export type ProcessStatus = "running" | "exited" | "killed";

export interface ProcessInfo {
  id: string;
  status: ProcessStatus;
  exitCode: number | null;
}

export interface SandboxDriver {
  exec(argv: string[], options?: { env?: Record<string, string>; timeoutMs?: number }): Promise<ExecResult>;
  /** Starts a long-lived process under a caller-chosen id (e.g. "gateway"). */
  startProcess(id: string, argv: string[], env: Record<string, string>): Promise<ProcessInfo>;
  getProcess(id: string): Promise<ProcessInfo | null>;
  /** Stops the process and everything it spawned; resolves once it is gone. */
  killProcess(id: string): Promise<void>;
  /** Recent output of a process, for "gateway failed to start: <reason>". */
  processLogs(id: string): Promise<{ stdout: string; stderr: string }>;
  writeFile(path: string, body: ReadableStream<Uint8Array> | string): Promise<void>;
  readFile(path: string): Promise<ReadableStream<Uint8Array> | null>;
  /** Whether a file or directory exists. */
  exists(path: string): Promise<boolean>;
  deleteFile(path: string): Promise<void>;
  /**
   * Sends an HTTP request (SSE and WebSocket upgrades included) to a port inside the
   * sandbox. The request's Authorization header is meant for the process behind the
   * port and is delivered to it unchanged.
   */
  fetch(request: Request, port: number): Promise<Response>;
  /** Whether a `fetch` answer came from the sandbox itself because nothing listened on the port. */
  isUnreachable(response: Response): Promise<boolean>;
  /** Stops everything and discards the sandbox's disk. */
  destroy(): Promise<void>;
}

/** Quotes argv for drivers whose exec takes a shell command line. */
export function shellQuote(argv: string[]): string {
  return argv.map((arg) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`)).join(" ");
}
