import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { startModelServer, type ModelServer } from "@openclaw-cloud/model-server";
import { startSandboxHost } from "@openclaw-cloud/sandbox-host";
import type { TenantSettingsInput } from "@openclaw-cloud/contracts";
import { freePort } from "./free-port.ts";
import { REPO_ROOT, pathWithRepoBin } from "./repo.ts";
import { startWranglerDev } from "./wrangler-dev.ts";

export interface LocalStackOptions {
  /** Front door port; 0 picks a free one. */
  port?: number;
  /** Fixed ports keep stored tenant settings (the model URL) valid across `npm run dev` restarts; 0 = any. */
  modelPort?: number;
  sandboxHostPort?: number;
  /** Where wrangler's local state, sandboxes and gateway state live. */
  stateDir?: string;
  /** Pause between the model server's streamed tokens. */
  tokenDelayMs?: number;
  /** Runtime settings (seconds) forwarded to the worker as vars. */
  runtimeVars?: Record<string, string>;
  /** Reuse fixed secrets (npm run dev keeps them stable across restarts). */
  secrets?: Partial<LocalStackSecrets>;
  onOutput?: (source: string, line: string) => void;
}

export interface LocalStackSecrets {
  internalKey: string;
  proxyTicketSecret: string;
  sandboxHostSecret: string;
}

export interface LocalStack {
  /** The runtime worker (the front door until the web and api workers exist). */
  runtimeUrl: string;
  sandboxHostUrl: string;
  model: ModelServer;
  secrets: LocalStackSecrets;
  /** Tenant settings that point a gateway at the local model server. */
  tenantSettings(overrides?: Partial<TenantSettingsInput>): TenantSettingsInput;
  /** Headers for the runtime's internal routes. */
  internalHeaders(tenantId: string): Record<string, string>;
  stop(): Promise<void>;
}

function secret(): string {
  return randomBytes(24).toString("base64url");
}

/**
 * The whole platform offline on one machine: the deterministic model server and the
 * sandbox host in this process, and the workers in `wrangler dev`. Used by
 * `npm run dev`, the integration tests and the benchmark, so all three run one stack.
 */
export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const stateDir = options.stateDir ?? join(REPO_ROOT, ".dev-state");
  const secrets: LocalStackSecrets = {
    internalKey: options.secrets?.internalKey ?? secret(),
    proxyTicketSecret: options.secrets?.proxyTicketSecret ?? secret(),
    sandboxHostSecret: options.secrets?.sandboxHostSecret ?? secret(),
  };
  const stoppers: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const stopOne of stoppers.reverse()) await stopOne().catch(() => {});
  };
  try {
    const model = await startModelServer({ port: options.modelPort ?? 0, tokenDelayMs: options.tokenDelayMs ?? 0 });
    stoppers.push(() => model.close());
    const sandboxHost = await startSandboxHost({
      port: options.sandboxHostPort ?? 0,
      secret: secrets.sandboxHostSecret,
      stateRoot: join(stateDir, "sandboxes"),
      path: pathWithRepoBin(),
    });
    stoppers.push(() => sandboxHost.close());
    const port = options.port || (await freePort());
    const wrangler = await startWranglerDev({
      configs: [join(REPO_ROOT, "apps/openclaw-runtime/wrangler.dev.jsonc")],
      port,
      stateDir,
      vars: {
        OA_INTERNAL_KEY: secrets.internalKey,
        PROXY_TICKET_SECRET: secrets.proxyTicketSecret,
        SANDBOX_HOST_URL: sandboxHost.url,
        SANDBOX_HOST_SECRET: secrets.sandboxHostSecret,
        ...options.runtimeVars,
      },
      onOutput: (line) => options.onOutput?.("wrangler", line),
    });
    stoppers.push(() => wrangler.stop());
    return {
      runtimeUrl: wrangler.url,
      sandboxHostUrl: sandboxHost.url,
      model,
      secrets,
      tenantSettings: (overrides = {}) => ({
        agent: { name: "Claw" },
        model: { provider: "openai-compatible", model: "echo-1", baseUrl: `${model.url}/v1`, apiKey: "local-model-key" },
        ...overrides,
      }),
      internalHeaders: (tenantId) => ({ "x-oa-internal-key": secrets.internalKey, "x-oa-tenant-id": tenantId }),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
