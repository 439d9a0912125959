import type { ExecResult, ProcessInfo, SandboxDriver } from "./sandbox-driver.ts";

/**
 * Local driver: talks to `apps/sandbox-host` over loopback HTTP with a shared secret.
 * The host proxies `/sandboxes/:id/ports/:port/*` (HTTP, SSE and WebSocket) to the
 * port inside the sandbox; the gateway's own Authorization travels in
 * `X-Sandbox-Forward-Authorization` because `Authorization` authenticates us to the host.
 */
export class SandboxHostDriver implements SandboxDriver {
  readonly #base: string;
  readonly #secret: string;

  constructor(hostUrl: string, secret: string, sandboxId: string) {
    this.#base = `${hostUrl.replace(/\/$/, "")}/sandboxes/${encodeURIComponent(sandboxId)}`;
    this.#secret = secret;
  }

  async exec(argv: string[], options: { env?: Record<string, string>; timeoutMs?: number } = {}): Promise<ExecResult> {
    const result = await this.#json<ExecResult>("POST", "/exec", { argv, env: options.env, timeoutMs: options.timeoutMs });
    return { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr };
  }

  async startProcess(id: string, argv: string[], env: Record<string, string>): Promise<ProcessInfo> {
    return toProcessInfo(await this.#json<HostProcess>("POST", "/processes", { id, argv, env }));
  }

  async getProcess(id: string): Promise<ProcessInfo | null> {
    const response = await this.#request("GET", `/processes/${encodeURIComponent(id)}`);
    if (response.status === 404) return null;
    return toProcessInfo(await readJson<HostProcess>(response));
  }

  async killProcess(id: string): Promise<void> {
    const response = await this.#request("DELETE", `/processes/${encodeURIComponent(id)}`);
    if (response.status !== 404) await readJson(response);
  }

  async processLogs(id: string): Promise<{ stdout: string; stderr: string }> {
    const response = await this.#request("GET", `/processes/${encodeURIComponent(id)}/logs`);
    if (response.status === 404) return { stdout: "", stderr: "" };
    return readJson(response);
  }

  async writeFile(path: string, body: ReadableStream<Uint8Array> | string): Promise<void> {
    await readJson(await this.#request("PUT", `/files?path=${encodeURIComponent(path)}`, body));
  }

  async readFile(path: string): Promise<ReadableStream<Uint8Array> | null> {
    const response = await this.#request("GET", `/files?path=${encodeURIComponent(path)}`);
    if (response.status === 404) {
      await response.body?.cancel();
      return null;
    }
    if (!response.ok || !response.body) await readJson(response);
    return response.body;
  }

  async deleteFile(path: string): Promise<void> {
    const response = await this.#request("DELETE", `/files?path=${encodeURIComponent(path)}`);
    if (response.status !== 404) await readJson(response);
  }

  async fetch(request: Request, port: number): Promise<Response> {
    const url = new URL(request.url);
    const headers = new Headers(request.headers);
    const gatewayAuth = headers.get("authorization");
    headers.delete("authorization");
    if (gatewayAuth) headers.set("x-sandbox-forward-authorization", gatewayAuth);
    headers.set("authorization", `Bearer ${this.#secret}`);
    const target = `${this.#base}/ports/${port}${url.pathname}${url.search}`;
    return fetch(new Request(target, { method: request.method, headers, body: request.body, signal: request.signal }));
  }

  /** The host answers 502 `upstream_unavailable` when nothing listens on the port. */
  async isUnreachable(response: Response): Promise<boolean> {
    if (response.status !== 502 || !response.headers.get("content-type")?.includes("application/json")) return false;
    const body = (await response.clone().json().catch(() => null)) as { error?: { code?: string } } | null;
    return body?.error?.code === "upstream_unavailable";
  }

  async destroy(): Promise<void> {
    const response = await this.#request("DELETE", "");
    if (response.status !== 404) await readJson(response);
  }

  #request(method: string, path: string, body?: BodyInit): Promise<Response> {
    return fetch(`${this.#base}${path}`, { method, headers: { authorization: `Bearer ${this.#secret}` }, body });
  }

  async #json<T>(method: string, path: string, payload: unknown): Promise<T> {
    const response = await fetch(`${this.#base}${path}`, {
      method,
      headers: { authorization: `Bearer ${this.#secret}`, "content-type": "application/json" },
      body: JSON.stringify(payload),
    });
    return readJson<T>(response);
  }
}

interface HostProcess {
  id: string;
  status: "running" | "exited" | "killed";
  exitCode: number | null;
}

function toProcessInfo(process: HostProcess): ProcessInfo {
  return { id: process.id, status: process.status, exitCode: process.exitCode ?? null };
}

/** Reads a JSON reply from the host, turning its error envelope into an Error with the host's code. */
async function readJson<T>(response: Response): Promise<T> {
  const text = await response.text();
  if (!response.ok) {
    let detail = text.slice(0, 300);
    try {
      const parsed = JSON.parse(text) as { error?: { code?: string; message?: string } };
      if (parsed.error) detail = `${parsed.error.code}: ${parsed.error.message}`;
    } catch {
      // keep the raw text
    }
    throw new Error(`sandbox host ${response.status}: ${detail}`);
  }
  return JSON.parse(text) as T;
}
