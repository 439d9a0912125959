import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    environment: "node",
    projects: [
      { extends: true, test: { name: "unit", include: ["src/**/*.test.ts"], exclude: ["src/**/*.integration.test.ts"] } },
      // Starts a real OpenClaw gateway (~10 s to ready, ~1.25 GB): generous deadlines.
      { extends: true, test: { name: "integration", include: ["src/**/*.integration.test.ts"], testTimeout: 90_000, hookTimeout: 120_000 } },
    ],
  },
});
