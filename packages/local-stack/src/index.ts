export { startLocalStack, type ActingUser, type LocalStack, type LocalStackOptions, type LocalStackSecrets } from "./stack.ts";
export { startLocalConvexProcess, type LocalConvexProcess } from "./convex-process.ts";
export { startWranglerDev, stopProcessGroup, type RunningWrangler } from "./wrangler-dev.ts";
export { freePort } from "./free-port.ts";
export { readSse, collectSse, parseEvent, type SseEvent } from "@openclaw-cloud/http-kit";
export { REPO_ROOT, REPO_BIN, pathWithRepoBin } from "./repo.ts";
