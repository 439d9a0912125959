import { defineConfig } from "vitest/config";

// `@workos-inc/node` against the local WorkOS stand-in, in Node (the workers run the same SDK in workerd).
export default defineConfig({ test: { environment: "node" } });
