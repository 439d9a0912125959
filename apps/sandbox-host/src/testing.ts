import { execFileSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SANDBOX_LAYOUT } from "@openclaw-cloud/contracts";
import { startSandboxHost, type SandboxHost, type SandboxHostOptions } from "./index.ts";

export const TEST_SECRET = "test-secret-for-sandbox-host";

export type TestHost = {
  host: SandboxHost;
  stateRoot: string;
  /** fetch against the host with the secret attached. */
  api(path: string, init?: RequestInit): Promise<Response>;
  /** The home path a sandbox's processes see: the container's, or the real one on a host without mount namespaces. */
  visibleHome(sandboxId: string): Promise<string>;
  /** JSON request/response round trip. */
  call<T = any>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
  close(): Promise<void>;
};

/** A real host on an ephemeral port with its own state directory; each test file passes its own port range. */
export async function startTestHost(portRange: [number, number], options: Partial<SandboxHostOptions> = {}): Promise<TestHost> {
  const stateRoot = await mkdtemp(join(tmpdir(), "sandbox-host-test-"));
  const host = await startSandboxHost({ port: 0, secret: TEST_SECRET, stateRoot, portRange, killGraceMs: 500, ...options });
  const api = (path: string, init: RequestInit = {}) => fetch(host.url + path, { ...init, headers: { authorization: `Bearer ${TEST_SECRET}`, ...(init.headers as Record<string, string>) } });
  return {
    host,
    stateRoot,
    api,
    async visibleHome(sandboxId) {
      const health = (await jsonOf(await api("/health"))) as { homeMount: string };
      if (health.homeMount === "mount-namespace") return SANDBOX_LAYOUT.home;
      return ((await jsonOf(await api(`/sandboxes/${sandboxId}`))) as { home: string }).home;
    },
    async call(method, path, body) {
      const init: RequestInit = { method };
      if (body !== undefined) {
        init.body = JSON.stringify(body);
        init.headers = { "content-type": "application/json" };
      }
      const res = await api(path, init);
      return { status: res.status, body: await jsonOf(res) };
    },
    async close() {
      await host.close();
      await rm(stateRoot, { recursive: true, force: true });
    },
  };
}

/** A response body as JSON, loosely typed for assertions. */
export function jsonOf(res: Response): Promise<any> {
  return res.json();
}

/** Live (non-zombie) processes in a process group, as `pgrep` sees them. */
export function liveGroupMembers(pgid: number): number[] {
  let output: string;
  try {
    output = execFileSync("pgrep", ["-g", String(pgid)], { encoding: "utf8" });
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
  return output.trim().split("\n").map(Number).filter(isPidAlive);
}

export function isPidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !execFileSync("ps", ["-o", "stat=", "-p", String(pid)], { encoding: "utf8" })
      .trim()
      .startsWith("Z");
  } catch {
    return false;
  }
}
