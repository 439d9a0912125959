import { defineConfig } from "vitest/config";

// Two projects. "unit": the pure pieces of the worker and the app (error sentences, stream
// parsing, routing, sign-in state), in Node. "browser": Debian's headless Chromium driven
// by playwright-core against the whole local stack (web, api and runtime workers, the
// local Convex, real OpenClaw gateways), as a person would use the site.
export default defineConfig({
  test: {
    projects: [
      { test: { name: "unit", include: ["src/**/*.test.ts", "src/**/*.test.tsx"], environment: "node" } },
      {
        test: {
          name: "browser",
          include: ["browser/**/*.test.ts"],
          environment: "node",
          testTimeout: 240_000,
          hookTimeout: 240_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
