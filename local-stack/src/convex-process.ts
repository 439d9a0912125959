import { join } from "node:path";
import type { LocalConvexOptions } from "@openclaw-cloud/convex-local";
import { startNodeService, type NodeService } from "./node-service.ts";

/**
 * The local Convex in a child Node process. The Convex functions read `process.env`
 * (the control key, the encryption key), so they get a process of their own rather
 * than the host's environment; and the host may be a test runner whose module loader
 * cannot load convex-local's own module hooks.
 */
export function startLocalConvexProcess(options: LocalConvexOptions, onOutput?: (line: string) => void): Promise<NodeService> {
  return startNodeService({
    name: "local convex",
    entry: join(import.meta.dirname, "convex-main.ts"),
    env: { LOCAL_CONVEX_OPTIONS: JSON.stringify(options) },
    startTimeoutMs: 60_000,
    ...(onOutput ? { onOutput } : {}),
  });
}
