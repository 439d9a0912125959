import { randomBytes, randomInt } from "node:crypto";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { startModelServer, type ModelServer } from "@openclaw-cloud/model-server";
import { startSandboxHost } from "@openclaw-cloud/sandbox-host";
import { MODEL_PROXY_PATH, type GatewaySettingsInput } from "@openclaw-cloud/contracts";
import { startLocalConvexProcess } from "./convex-process.ts";
import { writeDevConfig } from "./dev-config.ts";
import { freePort, retryOnAddressInUse } from "./free-port.ts";
import { REPO_ROOT, pathWithRepoBin } from "./repo.ts";
import { buildWebApp, watchWebApp } from "./web-build.ts";
import { startWorkersProcess } from "./workers-process.ts";

/** Where the api worker serves the runtime worker's own routes in local development (wrangler.dev.jsonc). */
const RUNTIME_PASSTHROUGH_PATH = "/__runtime";
/** What the workers are built from: their own sources and the packages they bundle. */
const WORKER_SOURCE_DIRS = ["apps/web/src/worker", "apps/api/src", "apps/openclaw-runtime/src", "apps/agent-worker/src", "packages"];

export interface LocalStackOptions {
  /** Front door (the web worker: the site, /auth, and /api forwarded to the api) port; 0 picks a free one. */
  port?: number;
  /** The api worker's own port (the tests and the bench reach the API directly); 0 picks a free one. */
  apiPort?: number;
  /** The agent worker's own port (its server-to-server `/internal/*` routes); 0 picks a free one. */
  agentPort?: number;
  /** Fixed ports keep stored tenant settings (the model URL) valid across `npm run dev` restarts; 0 = any. */
  modelPort?: number;
  sandboxHostPort?: number;
  convexPort?: number;
  /** Where the workers' Durable Objects and R2, Convex's data, sandboxes and gateway state live. */
  stateDir?: string;
  /** Pause between the model server's streamed tokens. */
  tokenDelayMs?: number;
  /** Runtime settings (seconds) forwarded to the runtime worker as vars. */
  runtimeVars?: Record<string, string>;
  /** Extra vars for the api worker (ADMIN_EMAILS, rate limits, WorkOS settings, ...). */
  apiVars?: Record<string, string>;
  /** Extra vars for the web worker (WorkOS settings, ...). */
  webVars?: Record<string, string>;
  /** Extra vars for the agent worker. */
  agentVars?: Record<string, string>;
  /** Rebundle and reload the workers, and rebuild the app, when their sources change (`npm run dev`). */
  watchWorkers?: boolean;
  /** workerd's inspector on this port, one target per worker (`ws://127.0.0.1:<port>/core:user:<name>`); the bench reads isolate heaps there. */
  workersInspectorPort?: number;
  /** Reuse fixed secrets (npm run dev keeps them stable across restarts). */
  secrets?: Partial<LocalStackSecrets>;
  onOutput?: (source: string, line: string) => void;
}

export interface LocalStackSecrets {
  internalKey: string;
  proxyTicketSecret: string;
  sandboxHostSecret: string;
  convexControlKey: string;
  /** HMAC key of the api's local sign-in cookie. */
  sessionSecret: string;
  /** Convex's key for provider keys at rest (base64 of 32 bytes); changing it makes stored keys unreadable. */
  encryptionKey: string;
}

/** A user as a server-to-server caller names them to the api. */
export interface ActingUser {
  workosUserId: string;
  email?: string;
  name?: string;
}

export interface LocalStack {
  /** The web worker: the front door (the site, its sign-in, and /api/* forwarded to the api). */
  webUrl: string;
  /** The api worker on a port of its own, for clients that call the API directly. */
  apiUrl: string;
  /** The agent worker on a port of its own, for server-to-server callers of `/internal/*`. */
  agentUrl: string;
  /** The website's built app as the web worker serves it (index.html and assets/). */
  webClientDir: string;
  /** The runtime worker's own routes, served under the front door's passthrough prefix. */
  runtimeUrl: string;
  convexUrl: string;
  sandboxHostUrl: string;
  model: ModelServer;
  secrets: LocalStackSecrets;
  /**
   * Settings with the tenant's own key for the local model server, which its gateway calls
   * straight: for tenants provisioned on the runtime directly (no instance record, so the
   * platform's model proxy, which bills an instance's owner, would refuse them) and for
   * gateways outside the platform. The API gives its users the platform's model instead.
   */
  tenantSettings(overrides?: Partial<GatewaySettingsInput>): GatewaySettingsInput;
  /** Headers for the runtime's internal routes. */
  internalHeaders(tenantId: string): Record<string, string>;
  /** Headers for the api as a server-to-server caller acting for `user`. */
  apiInternalHeaders(user: ActingUser): Record<string, string>;
  stop(): Promise<void>;
}

/**
 * Gateway ports for this stack's sandboxes: a random block of 20000-29999 (below Linux's
 * ephemeral range). Sandbox hosts in different processes cannot see each other's
 * reservations, so stacks sharing the default range (dev, tests, bench at the same time)
 * could hand two tenants one port; separate blocks make that unlikely.
 */
function gatewayPortRange(): [number, number] {
  const BLOCK = 400;
  const first = 20000 + randomInt(0, 25) * BLOCK;
  return [first, first + BLOCK - 1];
}

function secret(): string {
  return randomBytes(24).toString("base64url");
}

/**
 * The whole platform offline on one machine: the deterministic model server, the sandbox
 * host in this process; the local Convex, and the web, api, runtime and agent workers
 * (bundled as `wrangler deploy` bundles them, served by one workerd with the web worker in
 * front and the api and agent workers also on ports of their own) in child processes; the
 * website's app built by Vite. Used by `npm run dev`, the integration tests and the
 * benchmark, so all three run one stack.
 */
export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const stateDir = options.stateDir ?? join(REPO_ROOT, ".dev-state");
  mkdirSync(stateDir, { recursive: true });
  const secrets: LocalStackSecrets = {
    internalKey: options.secrets?.internalKey ?? secret(),
    proxyTicketSecret: options.secrets?.proxyTicketSecret ?? secret(),
    sandboxHostSecret: options.secrets?.sandboxHostSecret ?? secret(),
    convexControlKey: options.secrets?.convexControlKey ?? secret(),
    sessionSecret: options.secrets?.sessionSecret ?? secret(),
    encryptionKey: options.secrets?.encryptionKey ?? randomBytes(32).toString("base64"),
  };
  const stoppers: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const stopOne of stoppers.reverse()) await stopOne().catch(() => {});
  };
  try {
    const [model, sandboxHost, convex] = await Promise.all([
      startModelServer({ port: options.modelPort ?? 0, tokenDelayMs: options.tokenDelayMs ?? 0 }).then((server) => {
        stoppers.push(() => server.close());
        return server;
      }),
      startSandboxHost({
        port: options.sandboxHostPort ?? 0,
        secret: secrets.sandboxHostSecret,
        stateRoot: join(stateDir, "sandboxes"),
        path: pathWithRepoBin(),
        portRange: gatewayPortRange(),
      }).then((host) => {
        stoppers.push(() => host.close());
        return host;
      }),
      startLocalConvexProcess(
        {
          port: options.convexPort ?? 0,
          dataFile: join(stateDir, "convex.json"),
          controlKey: secrets.convexControlKey,
          env: { OPENCLAW_ENCRYPTION_KEY: secrets.encryptionKey },
        },
        (line) => options.onOutput?.("convex", line),
      ).then((server) => {
        stoppers.push(() => server.stop());
        return server;
      }),
    ]);
    const configDir = join(stateDir, "wrangler-configs");
    mkdirSync(configDir, { recursive: true });
    // The app is built before the workers start: the web worker's assets must exist.
    const webClientDir = join(stateDir, "web-client");
    await buildWebApp(webClientDir);
    if (options.watchWorkers) stoppers.push(watchWebApp(webClientDir, (line) => options.onOutput?.("web", line)));
    const webConfig = writeDevConfig(join(REPO_ROOT, "apps/web/wrangler.dev.jsonc"), configDir, { ...options.webVars }, { assetsDirectory: webClientDir });
    const agentConfig = writeDevConfig(join(REPO_ROOT, "apps/agent-worker/wrangler.dev.jsonc"), configDir, {
      OA_INTERNAL_KEY: secrets.internalKey,
      DEFAULT_MODEL_BASE_URL: `${model.url}/v1`,
      DEFAULT_MODEL_API_KEY: "local-model-key",
      ...options.agentVars,
    });
    // Ports are picked free and bound a moment later by workerd; another stack starting at the
    // same time can take one in between, so a start that lost that race is retried on new ones.
    const { workers, apiPort, agentPort } = await retryOnAddressInUse(async () => {
      const ports = { port: options.port || (await freePort()), apiPort: options.apiPort || (await freePort()), agentPort: options.agentPort || (await freePort()) };
      const apiConfig = writeDevConfig(join(REPO_ROOT, "apps/api/wrangler.dev.jsonc"), configDir, {
        CONVEX_URL: convex.url,
        CONVEX_CONTROL_KEY: secrets.convexControlKey,
        OA_INTERNAL_KEY: secrets.internalKey,
        SESSION_SECRET: secrets.sessionSecret,
        DEFAULT_MODEL_BASE_URL: `${model.url}/v1`,
        DEFAULT_MODEL_API_KEY: "local-model-key",
        // Each tenant's Control UI on a host of its own, served by the api worker's own port
        // (a browser resolves any *.localhost to this machine).
        CONTROL_UI_ORIGIN: `http://{tenant}.ui.localhost:${ports.apiPort}`,
        ...options.apiVars,
      });
      // Gateways reach the model proxy on the api worker's own port.
      const runtimeConfig = writeDevConfig(join(REPO_ROOT, "apps/openclaw-runtime/wrangler.dev.jsonc"), configDir, {
        OA_INTERNAL_KEY: secrets.internalKey,
        PROXY_TICKET_SECRET: secrets.proxyTicketSecret,
        SANDBOX_HOST_URL: sandboxHost.url,
        SANDBOX_HOST_SECRET: secrets.sandboxHostSecret,
        MODEL_PROXY_URL: `http://127.0.0.1:${ports.apiPort}${MODEL_PROXY_PATH}`,
        ...options.runtimeVars,
      });
      const started = await startWorkersProcess(
        {
          configs: [webConfig, apiConfig, runtimeConfig, agentConfig],
          port: ports.port,
          directPorts: { "openclaw-api": ports.apiPort, "openclaw-agent": ports.agentPort },
          persistDir: join(stateDir, "wrangler"),
          buildDir: join(stateDir, "worker-bundles"),
          ...(options.workersInspectorPort ? { inspectorPort: options.workersInspectorPort } : {}),
          ...(options.watchWorkers ? { watchDirs: [...WORKER_SOURCE_DIRS.map((dir) => join(REPO_ROOT, dir)), webClientDir] } : {}),
        },
        (line) => options.onOutput?.("workers", line),
      );
      return { workers: started, ...ports };
    });
    stoppers.push(() => workers.stop());
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    return {
      webUrl: workers.url,
      apiUrl,
      agentUrl: `http://127.0.0.1:${agentPort}`,
      webClientDir,
      runtimeUrl: `${apiUrl}${RUNTIME_PASSTHROUGH_PATH}`,
      convexUrl: convex.url,
      sandboxHostUrl: sandboxHost.url,
      model,
      secrets,
      tenantSettings: (overrides = {}) => ({
        agent: { name: "Claw" },
        model: { provider: "openai-compatible", model: "echo-1", baseUrl: `${model.url}/v1`, apiKey: "local-model-key" },
        ...overrides,
      }),
      internalHeaders: (tenantId) => ({ "x-oa-internal-key": secrets.internalKey, "x-oa-tenant-id": tenantId }),
      apiInternalHeaders: (user) => ({
        "x-oa-internal-key": secrets.internalKey,
        "x-oa-user-id": user.workosUserId,
        ...(user.email ? { "x-oa-user-email": user.email } : {}),
        ...(user.name ? { "x-oa-user-name": user.name } : {}),
      }),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
