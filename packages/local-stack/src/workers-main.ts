// Child-process entry for the local workers (see workers-process.ts): bundles and serves
// them from the JSON options in WORKERS_HOST_OPTIONS, prints `{"url":…}` once they answer,
// and stops workerd on SIGTERM or when the parent goes away.
import { startWorkersHost, type WorkersHostOptions } from "./workers-host.ts";

const options = JSON.parse(process.env.WORKERS_HOST_OPTIONS ?? "{}") as WorkersHostOptions;
delete process.env.WORKERS_HOST_OPTIONS;
const host = await startWorkersHost(options, (line) => process.stderr.write(`${line}\n`));
process.stdout.write(`${JSON.stringify({ url: host.url })}\n`);

let closing = false;
async function close(): Promise<void> {
  if (closing) return;
  closing = true;
  await host.stop().catch(() => {});
  process.exit(0);
}
process.on("SIGTERM", () => void close());
process.on("SIGINT", () => void close());
process.on("disconnect", () => void close());
