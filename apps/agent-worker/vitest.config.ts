import { join } from "node:path";
import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { freePort } from "@openclaw-cloud/local-stack";
import { defineConfig } from "vitest/config";
import { TEST_ADMIN_EMAIL, TEST_CONTROL_KEY, TEST_INTERNAL_KEY } from "./test-support/test-constants.ts";

const runtimeDist = join(import.meta.dirname, "../openclaw-runtime/dist");
// The api worker's bundle, built by `npm test` (git ignores node_modules).
const apiDist = join(import.meta.dirname, "node_modules/.test-workers/api");

// Two projects. "workers": the agent worker runs inside workerd with its dev config; behind its API binding is
// the real api worker bundle (built by `npm test`), behind that the real runtime bundle
// (no sandbox host: gateway starts fail) and the real Convex functions. The model is the
// repo's model server. Convex and the model server start in test-support/global-setup.ts
// on ports chosen here, because the workers' bindings are fixed before it runs.
// "integration": a thread on the whole local stack (all four workers, Convex, a real
// OpenClaw gateway), in Node.
export default defineConfig(async () => {
  // Chosen once per run: vitest may evaluate this config more than once (per project), and
  // the global setup must start the services where the bindings point.
  process.env.AGENT_TEST_PORTS ??= JSON.stringify({ convex: await freePort(), model: await freePort(), probe: await freePort() });
  const ports = JSON.parse(process.env.AGENT_TEST_PORTS) as { convex: number; model: number; probe: number };
  const convexUrl = `http://127.0.0.1:${ports.convex}`;
  const modelUrl = `http://127.0.0.1:${ports.model}/v1`;
  const workers = {
    plugins: [
      cloudflareTest({
        wrangler: { configPath: "./wrangler.dev.jsonc" },
        miniflare: {
          bindings: { OA_INTERNAL_KEY: TEST_INTERNAL_KEY, DEFAULT_MODEL_BASE_URL: modelUrl, DEFAULT_MODEL_API_KEY: "unit-model-key", MODEL_REQUESTS_URL: `http://127.0.0.1:${ports.probe}` },
          workers: [
            {
              name: "openclaw-api",
              modules: true,
              modulesRoot: apiDist,
              scriptPath: join(apiDist, "index.js"),
              compatibilityDate: "2026-10-01",
              compatibilityFlags: ["nodejs_compat"],
              durableObjects: { USER_LIMITS: { className: "UserLimits", useSQLite: true } },
              serviceBindings: { RUNTIME: "openclaw-runtime" },
              bindings: {
                CONVEX_URL: convexUrl,
                CONVEX_CONTROL_KEY: TEST_CONTROL_KEY,
                OA_INTERNAL_KEY: TEST_INTERNAL_KEY,
                SESSION_SECRET: "unit-session-secret",
                ADMIN_EMAILS: TEST_ADMIN_EMAIL,
                DEFAULT_MODEL_BASE_URL: modelUrl,
                DEFAULT_MODEL: "echo-1",
                RATE_LIMIT_BURST: "10000",
                RATE_LIMIT_PER_SECOND: "10000",
              },
            },
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
                OA_INTERNAL_KEY: TEST_INTERNAL_KEY,
                PROXY_TICKET_SECRET: "unit-ticket-secret",
                SANDBOX_HOST_URL: "http://127.0.0.1:9",
                SANDBOX_HOST_SECRET: "unused",
                GATEWAY_START_TIMEOUT_SECONDS: "5",
              },
            },
          ],
        },
      }),
    ],
    test: {
      name: "workers",
      include: ["src/**/*.test.ts"],
      globalSetup: ["./test-support/global-setup.ts"],
      // One workerd for every file; the files share nothing but the services (each makes its own users).
      isolate: false,
      testTimeout: 30_000,
      hookTimeout: 60_000,
    },
  };
  const integration = {
    test: { name: "integration", include: ["integration/**/*.test.ts"], environment: "node", testTimeout: 300_000, hookTimeout: 300_000 },
  };
  return { test: { projects: [workers, integration] } };
});
