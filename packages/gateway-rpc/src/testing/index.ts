export { startTestNodeClient } from "./test-node-client.ts";
export type { TestNodeClient, TestNodeClientOptions, TestNodeConnection } from "./test-node-client.ts";
