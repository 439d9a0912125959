/** Shared by the vitest config (Node) and the workerd tests: the keys the test workers are given. */
export const TEST_INTERNAL_KEY = "unit-internal-key";
export const TEST_CONTROL_KEY = "unit-test-control-key";
export const TEST_ADMIN_EMAIL = "admin@agent.test";
