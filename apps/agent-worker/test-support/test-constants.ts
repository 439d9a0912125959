import { join } from "node:path";

export const TEST_INTERNAL_KEY = "unit-internal-key";
export const TEST_CONTROL_KEY = "unit-test-control-key";
export const TEST_ADMIN_EMAIL = "admin@agent.test";
/** The api worker's bundle for the tests (`npm test` builds it; git ignores node_modules). */
export const API_TEST_BUNDLE = join(import.meta.dirname, "../node_modules/.test-workers/api/index.js");
