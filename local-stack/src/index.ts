export { startLocalStack, type ActingUser, type LocalStack, type LocalStackOptions, type LocalStackSecrets } from "./stack.ts";
export { startLocalConvexProcess } from "./convex-process.ts";
export type { NodeService } from "./node-service.ts";
export { stopProcessGroup } from "./process-group.ts";
export { freePort } from "./free-port.ts";
export { loadMiniflare } from "./workers-host.ts";
export { readSse, collectSse, parseEvent, type SseEvent } from "@openclaw-cloud/http-kit";
export { REPO_ROOT, REPO_BIN, pathWithRepoBin } from "./repo.ts";
export { gatewayEnvironment, gatewayToken, runningGatewayTokens, runningGateway, sandboxProcessEnvironments, tenantSandboxIds } from "./gateway-environment.ts";
export { launchChromium, CHROMIUM_PATH } from "./chromium.ts";
// Playwright's types as the launcher's copy has them (openclaw pins an older playwright-core at the root).
export type { Browser, BrowserContext, Page } from "playwright-core";
export { descendantsNamed, processRssMb, treeRss } from "./process-tree.ts";
