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
/** Signing in locally with this email makes you an admin (ADMIN_EMAILS of the api worker). */
const adminEmail = process.env.ADMIN_EMAIL ?? "admin@localhost.test";
console.log(`starting OpenClaw Cloud (offline) on http://127.0.0.1:${port} ...`);
const stack = await startLocalStack({
  port,
  apiPort: Number(process.env.API_PORT ?? 8789),
  agentPort: Number(process.env.AGENT_PORT ?? 8792),
  modelPort: Number(process.env.MODEL_PORT ?? 8788),
  sandboxHostPort: Number(process.env.SANDBOX_HOST_PORT ?? 8790),
  convexPort: Number(process.env.CONVEX_PORT ?? 8791),
  stateDir,
  secrets: loadSecrets(),
  apiVars: { ADMIN_EMAILS: adminEmail },
  watchWorkers: true,
  onOutput: (source, line) => {
    if (/error|warn|reloaded/i.test(line)) console.log(`[${source}] ${line}`);
  },
});
mkdirSync(stateDir, { recursive: true });
writeFileSync(secretsFile, JSON.stringify(stack.secrets), { mode: 0o600 });

const api = stack.webUrl;
const json = "-H content-type:application/json";
console.log(`
  Open ${stack.webUrl} and sign in as ${adminEmail} (the admin; any other email is a new user).

  website (web worker, the front door)  ${stack.webUrl}
  api worker (also under /api there)    ${stack.apiUrl}
  agent worker (threads, /internal/*)   ${stack.agentUrl}
  runtime worker (dev passthrough)      ${stack.runtimeUrl}
  convex (local, persisted)             ${stack.convexUrl}
  sandbox host (local containers)       ${stack.sandboxHostUrl}
  model server (offline OpenAI API)     ${stack.model.url}
  state                                 ${stateDir}

  or from a shell: sign in locally as the admin (cookie in ./.dev-cookies) and add credits:
    curl -s -c .dev-cookies ${json} ${api}/api/auth/local/sign-in -d '{"email":"${adminEmail}","name":"Admin"}'
    curl -s -b .dev-cookies ${json} ${api}/api/admin/users/<your user id>/credits -d '{"amount":100000,"reason":"dev"}'
  create your OpenClaw (about 10 s, a real gateway starts; progress as NDJSON lines):
    curl -sN -b .dev-cookies -H accept:application/x-ndjson -X POST ${api}/api/openclaw/instance
  stream a chat turn:
    curl -sN -b .dev-cookies ${json} ${api}/api/openclaw/chat -d '{"message":"hello [words:20]"}'
  an API token for the OpenAI SDK (baseURL ${api}/api/openclaw/v1):
    curl -s -b .dev-cookies ${json} ${api}/api/tokens -d '{"name":"sdk"}'

  Ctrl-C stops everything.
`);

// Under `npm run dev` a terminated npm closes our stdout; a write must not crash the shutdown.
for (const stream of [process.stdout, process.stderr]) stream.on("error", () => {});

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
