#!/usr/bin/env node
import { join } from "node:path";
import { DEFAULT_HOST_PORT, REPO_ROOT, startSandboxHost } from "./index.ts";

const secret = process.env.SANDBOX_HOST_SECRET;
if (!secret) {
  console.error("sandbox-host: SANDBOX_HOST_SECRET is required");
  process.exit(1);
}
const port = Number(process.env.SANDBOX_HOST_PORT ?? DEFAULT_HOST_PORT);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error("sandbox-host: SANDBOX_HOST_PORT must be a port number");
  process.exit(1);
}

const host = await startSandboxHost({
  port,
  secret,
  stateRoot: process.env.SANDBOX_HOST_STATE ?? join(REPO_ROOT, ".dev-state", "sandboxes"),
});
console.log(`sandbox-host listening on ${host.url}`);

const shutdown = () => {
  host.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error("sandbox-host: shutdown failed:", error);
      process.exit(1);
    },
  );
};
process.once("SIGINT", shutdown);
process.once("SIGTERM", shutdown);
process.once("SIGHUP", shutdown);
