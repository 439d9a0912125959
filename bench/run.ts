// `npm run bench`: the runtime's speed and memory against a plain OpenClaw gateway, and the
// website's weight and speed in headless Chromium, on this machine, in one run. Rewrites docs/benchmarks.md; the last stdout line is the JSON summary.
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { REPO_ROOT, freePort, startLocalStack } from "@openclaw-cloud/local-stack";
import { Cleanups } from "./src/cleanups.ts";
import { API_BENCH_VARS, benchAdminApi, measureApi } from "./src/measure-api.ts";
import { measureBackup } from "./src/measure-backup.ts";
import { measureChat, warmUp } from "./src/measure-chat.ts";
import { measureColdReady } from "./src/measure-cold-ready.ts";
import { measureMemory } from "./src/measure-memory.ts";
import { measureSoak } from "./src/measure-soak.ts";
import { measureWake } from "./src/measure-wake.ts";
import { measurePairing } from "./src/measure-pairing.ts";
import { gatewayDirect, provisionTenant } from "./src/platform-api.ts";
import { GATEWAY_MEMORY_ENV } from "@openclaw-cloud/gateway-launcher";
import { startRawGateway } from "./src/raw-gateway.ts";
import { measureWeb } from "./src/measure-web.ts";
import { measureAgent } from "./src/measure-agent.ts";
import { renderReport, summarize, type BenchSetup } from "./src/report.ts";

// Gateway starts take ~10 s each on 2 cores, so slow metrics get few runs. A turn's time to
// first delta varies by tens of ms with the agent's own work before it calls the model, so
// the TTFT differences get many pairs of short turns (~0.2 s each); long turns, fewer,
// measure the stream. The whole run takes about 10 minutes.
const RUNS = {
  coldRuns: 3,
  chatWarmupTurns: 5,
  ttftPairs: 150,
  ttftWords: 5,
  streamPairs: 30,
  streamWords: 200,
  tokenDelayMs: 3,
  pairingRuns: 5,
  backupRuns: 3,
  wakeRuns: 3,
  soakTenants: 3,
  soakLoopsPerTenant: 3,
  soakMinutes: 10,
  soakBaselineMinute: 2,
  memorySamples: 5,
  apiTtftPairs: 150,
  modelProxyPairs: 200,
  apiStatusConcurrency: 8,
  apiStatusSeconds: 10,
  webRenders: 5,
  webTokenPairs: 15,
  hatcheryThreads: 50,
  hatcherySessions: 50,
  agentPairs: 40,
};

const cleanups = new Cleanups();
const progress = (line: string) => console.error(`[bench] ${line}`);

let interrupted = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    progress(`${signal}: stopping gateways and the stack ...`);
    void cleanups.runAll().finally(() => process.exit(130));
  });
}

async function main(): Promise<void> {
  const started = performance.now();
  const loadAverage = loadavg()[0]!;
  const stateDir = mkdtempSync(join(tmpdir(), "occ-bench-"));
  cleanups.add(async () => rmSync(stateDir, { recursive: true, force: true }));

  progress("starting the local stack (workers, local Convex, sandbox host, model server) ...");
  const inspectorPort = await freePort();
  const stackStarting = startLocalStack({ stateDir, tokenDelayMs: RUNS.tokenDelayMs, apiVars: API_BENCH_VARS, workersInspectorPort: inspectorPort });
  cleanups.add(() =>
    stackStarting.then(
      (stack) => stack.stop(),
      () => {},
    ),
  );
  const stack = await stackStarting;
  const tenantPrefix = `bench-${randomBytes(3).toString("hex")}`;

  progress(`cold start: ${RUNS.coldRuns} rounds of tenant provision, plain gateway start, launcher start ...`);
  const coldReady = await measureColdReady(stack, cleanups, RUNS.coldRuns, tenantPrefix);

  progress("starting a tenant and two raw gateways (plain, and with the launcher's memory settings) for chat, memory, pairing and backups ...");
  const [raw, rawTuned, { tenantId }] = await Promise.all([
    startRawGateway(stack.tenantSettings(), "openclaw", cleanups),
    startRawGateway(stack.tenantSettings(), "openclaw", cleanups, { env: GATEWAY_MEMORY_ENV }),
    provisionTenant(stack, (attempt) => `${tenantPrefix}-main-${attempt}`),
  ]);

  progress(`${RUNS.chatWarmupTurns} warm-up turns each, then the memory of the idle tenant and the raw gateways ...`);
  const runtime = { url: `${stack.runtimeUrl}/v1/responses`, headers: stack.internalHeaders(tenantId) };
  const firstTurn = {
    runtimeMs: await warmUp(runtime, RUNS.chatWarmupTurns),
    rawMs: await warmUp({ url: `${raw.url}/v1/responses`, headers: { authorization: `Bearer ${raw.token}` } }, RUNS.chatWarmupTurns),
  };
  await warmUp({ url: `${rawTuned.url}/v1/responses`, headers: { authorization: `Bearer ${rawTuned.token}` } }, RUNS.chatWarmupTurns);
  const memory = await measureMemory(stack, tenantId, raw.pid, rawTuned.pid, RUNS.memorySamples);
  await Promise.all([raw.stop(), rawTuned.stop()]);

  progress(`chat: ${RUNS.ttftPairs} runtime/direct pairs of short turns, ${RUNS.streamPairs} of long ones ...`);
  const direct = await gatewayDirect(stack, tenantId);
  const chatTtft = await measureChat(stack, runtime, direct, { pairs: RUNS.ttftPairs, words: RUNS.ttftWords });
  const chatStream = await measureChat(stack, runtime, direct, { pairs: RUNS.streamPairs, words: RUNS.streamWords });

  progress(
    `api: an instance through the API worker, ${RUNS.apiTtftPairs} API/direct pairs of short turns, ${RUNS.modelProxyPairs} proxy/direct pairs of model calls, ${RUNS.apiStatusSeconds} s of status requests ...`,
  );
  const api = await measureApi(stack, {
    warmupTurns: RUNS.chatWarmupTurns,
    pairs: RUNS.apiTtftPairs,
    words: RUNS.ttftWords,
    proxyPairs: RUNS.modelProxyPairs,
    statusConcurrency: RUNS.apiStatusConcurrency,
    statusSeconds: RUNS.apiStatusSeconds,
  });

  progress(
    `web: the site's entry scripts, ${RUNS.webRenders} loads of the signed-in home, ${RUNS.webTokenPairs} chat screen/API pairs of short turns, the Hatchery with ${RUNS.hatcheryThreads} threads and ${RUNS.hatcherySessions} sessions ...`,
  );
  const web = await measureWeb(stack, benchAdminApi(stack), {
    renders: RUNS.webRenders,
    tokenPairs: RUNS.webTokenPairs,
    words: RUNS.ttftWords,
    hatcheryThreads: RUNS.hatcheryThreads,
    hatcherySessions: RUNS.hatcherySessions,
  });

  progress(`threads: ${RUNS.agentPairs} thread/model-server pairs of short turns ...`);
  const agent = await measureAgent(stack, benchAdminApi(stack), { pairs: RUNS.agentPairs, words: RUNS.ttftWords });

  progress(`pairing: ${RUNS.pairingRuns} nodes through the device proxy ...`);
  const pairing = await measurePairing(stack, tenantId, RUNS.pairingRuns);
  if (pairing.failure) progress(`pairing not measured: ${pairing.failure}`);

  progress(`backups: ${RUNS.backupRuns} backups, ${RUNS.backupRuns} restores under steady requests, ${RUNS.backupRuns} launcher restores ...`);
  const backup = await measureBackup(stack, tenantId, RUNS.backupRuns);

  progress(`wake: ${RUNS.wakeRuns} sleeps and wakes by a turn (each after a plain gateway on the same state), ${RUNS.wakeRuns} more with the sandbox deleted, ${RUNS.wakeRuns} by a session list ...`);
  const wake = await measureWake(stack, cleanups, tenantId, RUNS.wakeRuns);

  progress(`soak: ${RUNS.soakTenants} tenants, ${RUNS.soakLoopsPerTenant} loops of mixed traffic each, ${RUNS.soakMinutes} minutes ...`);
  const soak = await measureSoak(stack, {
    tenants: RUNS.soakTenants,
    loopsPerTenant: RUNS.soakLoopsPerTenant,
    minutes: RUNS.soakMinutes,
    baselineMinute: RUNS.soakBaselineMinute,
    sampleEveryS: 30,
    tenantPrefix,
    inspectorPort,
  });

  const results = { coldReady, firstTurn, chatTtft, chatStream, memory, pairing, backup, wake, soak, api, web, agent };
  const summary = summarize(results);
  const setup: BenchSetup = {
    date: new Date().toISOString(),
    cpus: availableParallelism(),
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    loadAverage,
    node: process.version,
    openclaw: (JSON.parse(readFileSync(join(REPO_ROOT, "node_modules/openclaw/package.json"), "utf8")) as { version: string }).version,
    durationS: (performance.now() - started) / 1000,
    ...RUNS,
  };
  mkdirSync(join(REPO_ROOT, "docs"), { recursive: true });
  writeFileSync(join(REPO_ROOT, "docs/benchmarks.md"), renderReport(results, setup, summary));
  progress("wrote docs/benchmarks.md");
  console.log(JSON.stringify(summary));
}

try {
  await main();
} catch (error) {
  if (!interrupted) throw error; // an interrupt makes requests in flight fail: not worth a trace
} finally {
  await cleanups.runAll();
  if (interrupted) process.exit(130);
}
