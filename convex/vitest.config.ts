import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Convex's default runtime is not Node: run the functions in an edge-runtime VM.
    environment: "edge-runtime",
    server: { deps: { inline: ["convex-test"] } },
  },
});
