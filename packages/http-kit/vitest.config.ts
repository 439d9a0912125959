import { defineConfig } from "vitest/config";

// Web-standard code (Request, Response, crypto.subtle) that the workers share; Node runs it as is.
export default defineConfig({ test: { environment: "node" } });
