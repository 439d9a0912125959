// Child-process entry for the local workers (see workers-process.ts): bundles and serves
// them from the JSON options in WORKERS_HOST_OPTIONS until the parent stops it.
import { serveUntilStopped } from "./node-service.ts";
import { startWorkersHost, type WorkersHostOptions } from "./workers-host.ts";

const options = JSON.parse(process.env.WORKERS_HOST_OPTIONS ?? "{}") as WorkersHostOptions;
delete process.env.WORKERS_HOST_OPTIONS;
const host = await startWorkersHost(options, (line) => process.stderr.write(`${line}\n`));
serveUntilStopped(host.url, () => host.stop());
