import { join } from "node:path";
import { startNodeService, type NodeService } from "./node-service.ts";
import type { WorkersHostOptions } from "./workers-host.ts";

/** The api and runtime workers, bundled and served by workerd in a child process (see workers-host.ts). */
export function startWorkersProcess(options: WorkersHostOptions, onOutput?: (line: string) => void): Promise<NodeService> {
  return startNodeService({
    name: "workers",
    entry: join(import.meta.dirname, "workers-main.ts"),
    env: { WORKERS_HOST_OPTIONS: JSON.stringify(options), WRANGLER_SEND_METRICS: "false" },
    startTimeoutMs: 120_000,
    ...(onOutput ? { onOutput } : {}),
  });
}
