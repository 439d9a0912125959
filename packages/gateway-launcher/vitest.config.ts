import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    environment: "node",
    include: ["src/**/*.test.ts"],
    // The integration test starts real gateways (about 10 s each on a loaded machine).
    testTimeout: 5_000,
    hookTimeout: 180_000,
  },
});
