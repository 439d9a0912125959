import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

// Two projects: unit tests run inside workerd with the dev wrangler config; the
// integration tests run in Node and start the real stack (the workers in workerd, the
// sandbox host, the model server and real OpenClaw gateways).
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [
          cloudflareTest({
            wrangler: { configPath: "./wrangler.dev.jsonc" },
            // A sandbox host URL where nothing listens: the failure paths of every lifecycle step.
            miniflare: { bindings: { OA_INTERNAL_KEY: "test-internal-key", PROXY_TICKET_SECRET: "test-ticket-secret", SANDBOX_HOST_URL: "http://127.0.0.1:9", SANDBOX_HOST_SECRET: "unused" } },
          }),
        ],
        // These run beside the integration project, whose gateways load both cores: a fresh
        // isolate's first request can take several seconds then, which is no failure of ours.
        test: { name: "workers", include: ["src/**/*.test.ts"], testTimeout: 30_000 },
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
});
