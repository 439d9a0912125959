export { startLocalStack, type LocalStack, type LocalStackOptions, type LocalStackSecrets } from "./stack.ts";
export { startWranglerDev, stopProcessGroup, type RunningWrangler } from "./wrangler-dev.ts";
export { freePort } from "./free-port.ts";
export { readSse, collectSse, parseEvent, type SseEvent } from "./sse.ts";
export { REPO_ROOT, REPO_BIN, pathWithRepoBin } from "./repo.ts";
