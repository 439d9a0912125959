import { join } from "node:path";
import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { freePort } from "@openclaw-cloud/local-stack";
import { defineConfig } from "vitest/config";

const runtimeDist = join(import.meta.dirname, "../openclaw-runtime/dist");
const agentDist = join(import.meta.dirname, "../agent-worker/dist");

// Two projects: unit tests run inside workerd with the dev wrangler config, the real
// runtime worker bundle behind the RUNTIME binding (no sandbox host: every gateway start
// fails, which the tests use), the real agent worker bundle behind the AGENT binding (its
// API binding back to the worker under test; its model unreachable: the tests reach
// threads, not turns), and the real Convex functions plus a WorkOS stand-in on
// loopback (test-support/global-setup.ts). The integration tests run in Node against the
// whole local stack with real OpenClaw gateways.
/**
 * The worker under test as the plugin names it ("vitest-plugin-runner-<project>"): the agent
 * worker's API binding points here, so the agent's calls back reach the real api.
 */
const API_UNDER_TEST = "vitest-plugin-runner-workers";

export default defineConfig(async () => {
  // Chosen here, not in global-setup: the api's own binding of CONVEX_URL (which the agent
  // worker's calls back use) is fixed before global-setup starts Convex on this port.
  // Vitest evaluates this config more than once per run: the first choice stands.
  const convexPort = Number(process.env.API_UNIT_CONVEX_PORT) || (await freePort());
  process.env.API_UNIT_CONVEX_PORT = String(convexPort);
  return {
    test: {
      projects: [
        {
          plugins: [
            cloudflareTest({
              wrangler: { configPath: "./wrangler.dev.jsonc" },
              miniflare: {
                bindings: {
                  OA_INTERNAL_KEY: "unit-internal-key",
                  SESSION_SECRET: "unit-session-secret",
                  CONVEX_CONTROL_KEY: "unit-test-control-key",
                  CONVEX_URL: `http://127.0.0.1:${convexPort}`,
                },
                workers: [
                  {
                    name: "openclaw-runtime",
                    modules: true,
                    modulesRoot: runtimeDist,
                    scriptPath: join(runtimeDist, "index.js"),
                    compatibilityDate: "2026-10-01",
                    compatibilityFlags: ["nodejs_compat"],
                    durableObjects: { TENANT_RUNTIME: "TenantRuntime", Sandbox: { className: "LocalSandbox", useSQLite: true } },
                    r2Buckets: ["BACKUPS"],
                    bindings: {
                      OA_INTERNAL_KEY: "unit-internal-key",
                      PROXY_TICKET_SECRET: "unit-ticket-secret",
                      SANDBOX_HOST_URL: "http://127.0.0.1:9",
                      SANDBOX_HOST_SECRET: "unused",
                      GATEWAY_START_TIMEOUT_SECONDS: "5",
                    },
                  },
                  {
                    name: "openclaw-agent",
                    modules: true,
                    modulesRoot: agentDist,
                    scriptPath: join(agentDist, "index.js"),
                    compatibilityDate: "2026-10-01",
                    compatibilityFlags: ["nodejs_compat"],
                    durableObjects: { THREAD_AGENT: { className: "ThreadAgent", useSQLite: true } },
                    serviceBindings: { API: API_UNDER_TEST },
                    bindings: {
                      OA_INTERNAL_KEY: "unit-internal-key",
                      DEFAULT_MODEL: "echo-1",
                      DEFAULT_MODEL_BASE_URL: "http://127.0.0.1:9/v1",
                      DEFAULT_MODEL_API_KEY: "unused",
                    },
                  },
                ],
              },
            }),
          ],
          // One workerd for all files: each spawn costs ~1.5 s with this bundle, and the tests share nothing but Convex (each makes its own users).
          test: { name: "workers", include: ["src/**/*.test.ts"], globalSetup: ["./test-support/global-setup.ts"], isolate: false },
        },
        {
          test: {
            name: "integration",
            include: ["integration/**/*.test.ts"],
            environment: "node",
            testTimeout: 180_000,
            hookTimeout: 180_000,
            fileParallelism: false,
          },
        },
      ],
    },
  };
});
