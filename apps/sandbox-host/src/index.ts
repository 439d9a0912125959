import { mkdir } from "node:fs/promises";
import { SANDBOX_LAYOUT } from "@openclaw-cloud/contracts";
import { isIP } from "node:net";
import { delimiter, join, resolve } from "node:path";
import { detectHomeMount, type HomeMount } from "./home-mount.ts";
import { DEFAULT_PORT_RANGE, PortAllocator } from "./ports.ts";
import { SandboxRegistry } from "./sandboxes.ts";
import { createSandboxServer } from "./server.ts";

export type SandboxHostOptions = {
  /** Loopback address to listen on (default 127.0.0.1): this service runs arbitrary commands. */
  host?: string;
  /** Port to listen on; 0 picks a free one (default 8790). */
  port?: number;
  /** Shared secret every request presents as `Authorization: Bearer <secret>`. */
  secret: string;
  /** Directory holding `sandboxes/<id>/home`. */
  stateRoot: string;
  /** Inclusive range of host ports handed to sandbox gateways, 20 per sandbox. */
  portRange?: [number, number];
  /** PATH for sandbox processes (default: the repo's node_modules/.bin, then the host's PATH). */
  path?: string;
  /** Time between the requested signal and SIGKILL when stopping processes (default 5000). */
  killGraceMs?: number;
  /**
   * `detect` (default): each sandbox's processes see its home at the container's path when
   * this machine allows mount namespaces (home-mount.ts); `host-path`: never.
   */
  homeMount?: "detect" | "host-path";
};

export { GATEWAY_CONTAINER_PORT } from "./ports.ts";
export { FORWARD_AUTHORIZATION_HEADER } from "./proxy.ts";

export type SandboxHost = { url: string; port: number; close(): Promise<void> };

export const DEFAULT_HOST_PORT = 8790;
export const REPO_ROOT = resolve(import.meta.dirname, "../../..");

function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || (isIP(host) === 4 && host.startsWith("127."));
}

export async function startSandboxHost(options: SandboxHostOptions): Promise<SandboxHost> {
  const host = options.host ?? "127.0.0.1";
  if (!isLoopback(host)) throw new Error(`sandbox-host only listens on loopback, not ${host}`);
  if (!options.secret) throw new Error("sandbox-host needs a secret");
  const stateRoot = resolve(options.stateRoot);
  await mkdir(join(stateRoot, "sandboxes"), { recursive: true });

  const ports = new PortAllocator(options.portRange ?? DEFAULT_PORT_RANGE);
  const killGraceMs = options.killGraceMs ?? 5_000;
  const path = options.path ?? [join(REPO_ROOT, "node_modules", ".bin"), process.env.PATH].filter(Boolean).join(delimiter);
  const homeMount: HomeMount = options.homeMount === "host-path" ? { kind: "host-path" } : await detectHomeMount([REPO_ROOT, ...path.split(delimiter)]);
  if (homeMount.kind === "host-path" && options.homeMount !== "host-path") {
    console.warn(
      `sandbox-host: sandbox processes see their real home paths, not ${SANDBOX_LAYOUT.home} (that needs unshare with root, or user namespaces and an existing ${SANDBOX_LAYOUT.home}); a restore moves OpenClaw's state into another sandbox, and the absolute paths OpenClaw keeps in it then point at the old one`,
    );
  }
  const registry = new SandboxRegistry({
    stateRoot,
    path,
    nodeEnv: process.env.NODE_ENV ?? "development",
    killGraceMs,
    ports,
    homeMount,
  });
  const { server, closeConnections } = createSandboxServer({ secret: options.secret, killGraceMs, registry, ports });

  await new Promise<void>((resolveListen, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? DEFAULT_HOST_PORT, host, () => {
      server.off("error", reject);
      resolveListen();
    });
  });
  // Last resort if the host dies without close(): no sandbox process may outlive it.
  const killOnExit = () => {
    registry.killAllSync();
    ports.releaseAll();
  };
  process.on("exit", killOnExit);

  const address = server.address();
  const port = typeof address === "object" && address !== null ? address.port : 0;

  let closing: Promise<void> | undefined;
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    port,
    close() {
      closing ??= (async () => {
        const stopped = new Promise<void>((resolveClose) => server.close(() => resolveClose()));
        await registry.closeAll();
        closeConnections();
        await stopped;
        ports.releaseAll();
        process.off("exit", killOnExit);
      })();
      return closing;
    },
  };
}
