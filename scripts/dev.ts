// `npm run dev`: the whole platform offline on the embedded defaults, one command.
// Ctrl-C stops every part (workers, sandbox host and every tenant gateway, model server).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT, startLocalStack, type LocalStackSecrets } from "@openclaw-cloud/local-stack";

const stateDir = join(REPO_ROOT, ".dev-state");
const secretsFile = join(stateDir, "secrets.json");

/** Stable across restarts so the Durable Objects' stored state stays usable. */
function loadSecrets(): Partial<LocalStackSecrets> {
  return existsSync(secretsFile) ? (JSON.parse(readFileSync(secretsFile, "utf8")) as LocalStackSecrets) : {};
}

const port = Number(process.env.PORT ?? 8787);
console.log(`starting OpenClaw Cloud (offline) on http://127.0.0.1:${port} ...`);
const stack = await startLocalStack({
  port,
  modelPort: Number(process.env.MODEL_PORT ?? 8788),
  sandboxHostPort: Number(process.env.SANDBOX_HOST_PORT ?? 8790),
  stateDir,
  secrets: loadSecrets(),
  onOutput: (source, line) => {
    if (/error|warn/i.test(line)) console.log(`[${source}] ${line}`);
  },
});
mkdirSync(stateDir, { recursive: true });
writeFileSync(secretsFile, JSON.stringify(stack.secrets), { mode: 0o600 });

const curl = `curl -s -H "x-oa-internal-key: ${stack.secrets.internalKey}" -H "x-oa-tenant-id: demo" -H content-type:application/json`;
console.log(`
  front door (openclaw-runtime worker)  ${stack.runtimeUrl}
  sandbox host (local containers)       ${stack.sandboxHostUrl}
  model server (offline OpenAI API)     ${stack.model.url}
  state                                 ${stateDir}

  provision a tenant "demo" (about 10 s, a real OpenClaw gateway starts):
    ${curl} ${stack.runtimeUrl}/v1/tenant/provision -d '${JSON.stringify({ settings: stack.tenantSettings() })}'
  stream a chat turn:
    ${curl} -N ${stack.runtimeUrl}/v1/responses -d '{"model":"openclaw","input":"hello [words:20]","stream":true}'

  Ctrl-C stops everything.
`);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping workers, gateways and servers ...`);
  await stack.stop();
  console.log("stopped.");
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
