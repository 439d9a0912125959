import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Convex's default runtime is not Node: run the functions in an edge-runtime VM.
    environment: "edge-runtime",
    server: { deps: { inline: ["convex-test"] } },
    unstubEnvs: true,
    // Each test builds its own convexTest instance; sharing workers only saves start-up.
    isolate: false,
  },
});
