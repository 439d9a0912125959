import { agentMethodNotes, agentReportRows, summarizeAgent, type AgentResult } from "./measure-agent.ts";
import { apiMethodNotes, apiReportRows, summarizeApi, type ApiResult } from "./measure-api.ts";
import type { BackupResult } from "./measure-backup.ts";
import type { ChatResult } from "./measure-chat.ts";
import type { ColdReadyResult } from "./measure-cold-ready.ts";
import type { MemoryResult } from "./measure-memory.ts";
import type { PairingResult } from "./measure-pairing.ts";
import type { SoakResult } from "./measure-soak.ts";
import type { WakeResult } from "./measure-wake.ts";
import { round } from "./stats.ts";
import { summarizeWeb, webMethodNotes, webReportRows, type WebResult } from "./measure-web.ts";

export interface BenchResults {
  coldReady: ColdReadyResult;
  /** Time to first delta of the very first turn after a start: the tenant's through the runtime, and the raw gateway's. */
  firstTurn: { runtimeMs: number; rawMs: number };
  /** Many pairs of short turns: the time to first delta. */
  chatTtft: ChatResult;
  /** Fewer pairs of long turns: the stream itself. */
  chatStream: ChatResult;
  memory: MemoryResult;
  pairing: PairingResult;
  backup: BackupResult;
  wake: WakeResult;
  soak: SoakResult;
  api: ApiResult;
  web: WebResult;
  agent: AgentResult;
}

/** How the run was made, for the report's header and method notes. */
export interface BenchSetup {
  date: string;
  cpus: number;
  memoryGb: number;
  loadAverage: number;
  node: string;
  openclaw: string;
  durationS: number;
  coldRuns: number;
  chatWarmupTurns: number;
  ttftPairs: number;
  ttftWords: number;
  streamPairs: number;
  streamWords: number;
  tokenDelayMs: number;
  pairingRuns: number;
  backupRuns: number;
  wakeRuns: number;
  soakTenants: number;
  soakLoopsPerTenant: number;
  soakMinutes: number;
  soakBaselineMinute: number;
  memorySamples: number;
  apiTtftPairs: number;
  modelProxyPairs: number;
  apiStatusConcurrency: number;
  apiStatusSeconds: number;
  webRenders: number;
  webTokenPairs: number;
  hatcheryThreads: number;
  hatcherySessions: number;
  agentPairs: number;
}

export type Summary = Record<string, number | null>;

/** The figures of the JSON line, in the units their names say, rounded to what is meaningful here. */
export function summarize(results: BenchResults): Summary {
  const { coldReady, firstTurn, chatTtft, chatStream, memory, pairing, backup, wake, soak } = results;
  const seconds = (ms: number) => round(ms / 1000, 2);
  return {
    cold_ready_s: seconds(coldReady.coldReadyMs),
    raw_gateway_ready_s: seconds(coldReady.rawGatewayReadyMs),
    chat_ttft_overhead_ms: round(chatTtft.ttftOverheadMs, 1),
    chat_total_ratio: round(chatStream.totalRatio, 3),
    stream_gap_p95_ms: Number.isNaN(chatStream.runtime.gapP95Ms) ? null : round(chatStream.runtime.gapP95Ms, 2),
    pair_approve_ms: pairing.pairApproveMs === null ? null : round(pairing.pairApproveMs, 0),
    backup_s: seconds(backup.backupMs),
    backup_cli_s: seconds(backup.backupCliMs),
    restore_downtime_s: seconds(backup.restoreDowntimeMs),
    restore_s: seconds(backup.restoreMs),
    restore_only_s: seconds(backup.restoreOnlyMs),
    wake_s: seconds(wake.wakeMs),
    wake_cold_s: seconds(wake.wakeColdMs),
    wake_ready_s: seconds(wake.wakeReadyMs),
    raw_first_turn_s: seconds(firstTurn.rawMs),
    raw_restored_ready_s: seconds(wake.rawRestoredReadyMs),
    raw_restored_first_turn_s: seconds(wake.rawRestoredFirstTurnMs),
    wake_overhead_s: seconds(wake.wakeMs - wake.rawRestoredReadyMs - wake.rawRestoredFirstTurnMs),
    tenant_rss_mb: round(memory.tenantRssMb, 0),
    raw_gateway_rss_mb: round(memory.rawRssMb, 0),
    raw_gateway_tuned_rss_mb: round(memory.rawTunedRssMb, 0),
    soak_workerd_growth_mb: round(soak.workerdGrowthMb, 0),
    soak_gateway_growth_mb: round(soak.gatewayGrowthMb, 0),
    soak_isolate_heap_growth_mb: round(soak.isolateHeapGrowthMb, 1),
    ...summarizeApi(results.api),
    ...summarizeWeb(results.web),
    ...summarizeAgent(results.agent),
  };
}

interface Row {
  metric: string;
  target: string;
  /** null: reported, no target. */
  met: boolean | null;
}

function rows(summary: Summary): Row[] {
  const at = (key: string) => summary[key] ?? null;
  const atMost = (key: string, limit: number | null) => {
    const value = at(key);
    return value === null || limit === null ? false : value <= limit;
  };
  const raw = at("raw_gateway_ready_s");
  const coldLimit = raw === null ? null : round(raw + 1.5, 2);
  const cli = at("backup_cli_s");
  const backupLimit = cli === null ? null : round(cli + 0.5, 2);
  return [
    { metric: "cold_ready_s", target: `<= raw_gateway_ready_s + 1.5 (${coldLimit})`, met: atMost("cold_ready_s", coldLimit) },
    { metric: "raw_gateway_ready_s", target: "baseline", met: null },
    { metric: "chat_ttft_overhead_ms", target: "<= 10", met: atMost("chat_ttft_overhead_ms", 10) },
    { metric: "chat_total_ratio", target: "<= 1.05", met: atMost("chat_total_ratio", 1.05) },
    { metric: "stream_gap_p95_ms", target: "<= 5", met: atMost("stream_gap_p95_ms", 5) },
    { metric: "pair_approve_ms", target: "<= 500", met: atMost("pair_approve_ms", 500) },
    { metric: "backup_s", target: `<= backup_cli_s + 0.5 (${backupLimit})`, met: atMost("backup_s", backupLimit) },
    { metric: "backup_cli_s", target: "baseline", met: null },
    { metric: "restore_downtime_s", target: "<= 1.0", met: atMost("restore_downtime_s", 1.0) },
    { metric: "restore_s", target: "reported", met: null },
    { metric: "restore_only_s", target: "part of restore_s", met: null },
    { metric: "wake_s", target: `<= raw_gateway_ready_s + 1.5 (${coldLimit})`, met: atMost("wake_s", coldLimit) },
    { metric: "wake_cold_s", target: "reported", met: null },
    { metric: "wake_ready_s", target: "reported: the wake without a model turn", met: null },
    { metric: "raw_first_turn_s", target: "baseline: a plain gateway's first turn after its start", met: null },
    { metric: "raw_restored_ready_s", target: "baseline: a plain gateway's start on the tenant's state", met: null },
    { metric: "raw_restored_first_turn_s", target: "baseline: that gateway's first turn", met: null },
    { metric: "wake_overhead_s", target: "reported: wake_s - raw_restored_ready_s - raw_restored_first_turn_s", met: null },
    { metric: "tenant_rss_mb", target: "measured", met: null },
    { metric: "raw_gateway_rss_mb", target: "baseline", met: null },
    { metric: "raw_gateway_tuned_rss_mb", target: "the baseline with the launcher's memory settings", met: null },
    { metric: "soak_workerd_growth_mb", target: "<= 20", met: atMost("soak_workerd_growth_mb", 20) },
    { metric: "soak_gateway_growth_mb", target: "reported", met: null },
    { metric: "soak_isolate_heap_growth_mb", target: "reported", met: null },
    ...apiReportRows(summary),
    ...webReportRows(summary),
    ...agentReportRows(summary),
  ];
}

function cell(value: number | null): string {
  return value === null ? "n/a" : String(value);
}

function verdict(met: boolean | null): string {
  if (met === null) return "";
  return met ? "yes" : "**no**";
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const ms = (value: number) => (Number.isNaN(value) ? "n/a" : `${value.toFixed(1)} ms`);
const list = (values: number[], format: (value: number) => string) => values.map(format).join(", ");

/** docs/benchmarks.md: what was measured, on what, how, and whether it met its target. */
export function renderReport(results: BenchResults, setup: BenchSetup, summary: Summary): string {
  const { coldReady, firstTurn, chatTtft, chatStream, memory, pairing, backup, wake, soak } = results;
  const table = rows(summary).map((row) => `| \`${row.metric}\` | ${cell(summary[row.metric] ?? null)} | ${row.target} | ${verdict(row.met)} |`);
  return `# Benchmarks

Speed and memory of the tenant runtime on one machine, measured against a plain OpenClaw
gateway started on the same machine in the same run, so the figures say what the platform
adds rather than how fast this machine is. Every figure is a median over several runs.
Produced by:

\`\`\`sh
npm run bench
\`\`\`

which rewrites this page and prints the figures as one JSON object on its last line.

- Date: ${setup.date}
- Machine: ${setup.cpus} CPUs (\`nproc\`), ${setup.memoryGb} GB memory, load average ${setup.loadAverage.toFixed(2)} at the start (the machine is shared; ratios and A/B differences are measured within one process, interleaved)
- Node ${setup.node}, OpenClaw ${setup.openclaw}; the whole run took ${Math.round(setup.durationS)} s

| metric | value | target | met? |
| --- | --- | --- | --- |
${table.join("\n")}

## Method

Everything runs offline through \`@openclaw-cloud/local-stack\` in a fresh temporary state
directory: the API and runtime workers bundled as \`wrangler deploy\` bundles them and served
by workerd through Miniflare, which \`wrangler dev\` also uses but without its proxy
worker in front (Durable Objects, local R2), in one child process; the local Convex in
another; and the sandbox host and the deterministic
model server in the benchmark's own process (so the runtime path's sandbox-host hop shares
an event loop with the client that takes the timestamps).

"Raw gateway" is the plain \`openclaw gateway --port N --bind loopback\` (the installed
CLI) spawned directly, with \`HOME\`, \`OPENCLAW_STATE_DIR\`, \`OPENCLAW_CONFIG_PATH\` and
\`PATH\` as its only environment besides the gateway's secrets, in a temporary home laid out
like a sandbox, on the config, identity files and secret environment that
\`@openclaw-cloud/gateway-config\` generates from the same tenant settings the tenants get.
No launcher, sandbox host, worker or Durable Object is involved.

- \`cold_ready_s\`: \`POST /v1/tenant/provision\` for a fresh tenant id until its 201 with
  state \`running\` (the runtime polls \`/readyz\` every 100 ms through the sandbox host).
  \`raw_gateway_ready_s\`: raw gateway spawn until \`GET /readyz\` answers 200, polled every
  100 ms. ${setup.coldRuns} rounds; each round also times the launcher's \`start\`
  (\`openclaw-cloud-gateway start\` run directly, which writes the same files and execs the
  same CLI) the same way; the order rotates every round and each gateway is stopped (or its
  tenant destroyed) before the next start. Runs: cold ${list(coldReady.coldRunsMs, s)}; raw ${list(coldReady.rawRunsMs, s)};
  launcher ${list(coldReady.launcherRunsMs, s)} (median ${s(coldReady.launcherReadyMs)}). Split of a cold start (medians):
  ${s(coldReady.beforeSpawnMs)} from the request until the sandbox host spawned the gateway process
  (Durable Object, sandbox creation, backup lookup), ${s(coldReady.spawnToReadyMs)} from there to the 201. Each
  provisioned tenant is then checked with a call its gateway must accept with the tenant's
  token; a provision whose "ready" came from another sandbox host's gateway on the same
  port (colleagues' test runs share the port range) is discarded and redone:
  ${coldReady.discardedColdRuns} discarded in this run.
- \`chat_ttft_overhead_ms\`: one tenant, warmed with ${setup.chatWarmupTurns} turns (the very first turn after a
  start is slow: ${s(firstTurn.runtimeMs)} to the first delta through the runtime, ${s(firstTurn.rawMs)} on the raw
  gateway), then ${setup.ttftPairs} pairs of short streamed turns (\`POST /v1/responses\`, \`stream: true\`,
  a new session per turn, prompt with \`[words:${setup.ttftWords}]\`, model token delay ${setup.tokenDelayMs} ms): one
  through the runtime's route (reached through the API worker's local-development
  passthrough, one service-binding hop), one straight to the same tenant's gateway on its
  sandbox port with its own token (read from the gateway process's environment), the order
  flipping every pair. Comparing with the very gateway the runtime reaches keeps
  differences between two gateway processes (their per-turn cost drifts apart as they
  age, by more than the path costs) out of the figure. Request to the first
  \`response.output_text.delta\` at the client, runtime minus direct, median over pairs. Median TTFT: runtime ${ms(chatTtft.runtime.ttftMs)}, direct ${ms(chatTtft.direct.ttftMs)}.
  Most of a TTFT is the agent's own work before it calls the model, which varies by tens
  of ms from turn to turn, so the paired differences are noisy (quartiles
  ${ms(chatTtft.ttftOverheadQuartilesMs[0])} / ${ms(chatTtft.ttftOverheadQuartilesMs[1])}) and the median needs many pairs to settle. Two parts of the path are measured without that noise
  (medians, runtime vs direct): request to response headers, which the gateway sends
  before the agent runs, ${ms(chatTtft.runtime.headMs)} vs ${ms(chatTtft.direct.headMs)}; and the model server writing the
  first delta to the client reading it, ${ms(chatTtft.runtime.firstDeltaDelayMs)} vs ${ms(chatTtft.direct.firstDeltaDelayMs)}.
- \`chat_total_ratio\`: ${setup.streamPairs} more pairs of long turns (\`[words:${setup.streamWords}]\`, otherwise as above),
  request to the end of the stream, runtime / direct, median over pairs. Median turn:
  runtime ${s(chatStream.runtime.totalMs)}, direct ${s(chatStream.direct.totalMs)} (${chatStream.deltasPerTurn} deltas per turn).
- \`stream_gap_p95_ms\`: for each runtime turn of those long pairs, the model server's emission time of every
  delta (\`performance.now()\`, same clock) is matched with the client's arrival time of the
  same delta (the model request of the turn is the one that streamed in the turn's time
  window); p95 over the turn's gaps of |client gap - model gap|, median over turns.
  The same figure for the direct turns: ${ms(chatStream.direct.gapP95Ms)} (what the gateway itself adds).
  Turns whose delta count did not match the model's: ${chatStream.unmatchedTurns}.
- \`pair_approve_ms\`: a real OpenClaw node client connects through the runtime's device
  proxy (\`/gateway/<tenant>/?ticket=\`) and is held for pairing; then, timed,
  \`GET /v1/devices\` and \`POST /v1/devices/:requestId/approve\`; median of ${setup.pairingRuns} runs.
  ${pairing.failure === null ? `Runs: ${list(pairing.runsMs, ms)}.` : `Not measured: ${pairing.failure}`}
- \`backup_s\`: \`POST /v1/backups\` until its 201 (the launcher's \`backup\`, i.e.
  \`openclaw backup create --verify\`, executed in the sandbox, then the upload to R2 and
  retention); median of ${setup.backupRuns}. Runs: ${list(backup.backupRunsMs, s)}.
- \`backup_cli_s\`: OpenClaw's own \`openclaw backup create --verify\` as the launcher's \`backup\` times
  it, executed ${setup.backupRuns} more times the same way in the same sandbox right after; median. Runs:
  ${list(backup.backupCliRunsMs, s)}, for an archive of ${Math.round(backup.archiveBytes / 1024)} KB. What
  \`backup_s\` adds to it is the exec round trip, the archive's stream to R2 and retention.
- \`restore_downtime_s\`: during each restore below, three loops of requests run against the
  tenant through the runtime, each waiting 50 ms between requests: short streamed chat turns
  (\`[words:3]\`, a new session each, answered when \`response.completed\` arrived), session
  lists and status reads (answered when \`running\`). The figure is the longest time in which
  none of them was answered, from the restore request until a second after its answer; the
  worst of ${setup.backupRuns} restores. Runs: ${list(backup.restoreDowntimeRunsMs, s)}; ${backup.restoreProbeAnswers} answers and
  ${backup.restoreProbeFailures} failed requests in all.
- \`restore_s\`: \`POST /v1/backups/restore\` (newest backup) until it answers \`running\`:
  a safety backup of the state it replaces (as \`backup_s\`), the archive from R2 into a new
  sandbox, the launcher's \`restore\` there, a second gateway's start beside the serving one
  (both compete for this machine's CPUs, and the steady requests above run meanwhile), the
  switch. The old gateway serves until the switch (see docs/architecture.md). Runs:
  ${list(backup.restoreRunsMs, s)}; of which ${s(backup.restoreBeforeSpawnMs)} (median) pass before the new gateway process is
  spawned. \`restore_only_s\` is the restore step alone:
  \`openclaw-cloud-gateway restore --input\` spawned until it exits, on a copy of the
  tenant's archive in a fresh home. Runs: ${list(backup.restoreOnlyRunsMs, s)}.
- \`wake_s\`: \`POST /v1/tenant/stop\` puts the tenant to sleep (a backup, then its container
  is released), then a streamed chat turn (\`[words:5]\`) is timed from the request to its first
  delta: a new sandbox, the newest backup from R2 into it, the launcher's restore, the
  gateway's start, the turn. Median of ${setup.wakeRuns}. Runs: ${list(wake.wakeRunsMs, s)}. Every wake takes the state
  from R2, since sleep releases the container; \`wake_cold_s\` is the same with the sandbox
  also deleted on the sandbox host before the turn (what a recycled machine leaves), ${setup.wakeRuns}
  runs interleaved with the others: ${list(wake.wakeColdRunsMs, s)}. The target compares with
  \`raw_gateway_ready_s\`, a plain gateway's start alone on an empty state, but the figure also
  holds the gateway's first turn, which is slow after any start (OpenClaw starts its session
  and transcript workers then), and the tenant's state slows OpenClaw's own start (its session
  projection and database checks have sessions to read). The fair baseline is therefore a
  plain gateway on that same state: before each wake by a turn, the tenant's state is archived
  as the sleep will archive it, restored into a fresh home (not timed) and a plain gateway
  started there; \`raw_restored_ready_s\` is its spawn to ready (runs:
  ${list(wake.rawRestoredReadyRunsMs, s)}) and \`raw_restored_first_turn_s\` its first turn (runs:
  ${list(wake.rawRestoredFirstTurnRunsMs, s)}). \`wake_overhead_s\` is what the wake costs beyond those two:
  the platform's share (the archive from R2, the launcher and its restore, the sandbox, the
  readiness polls). \`raw_first_turn_s\` is the first turn of the raw gateway on an empty state
  (its first warm-up turn above). \`wake_ready_s\`: the same sleep, then a
  session list instead of the turn, request to answer (the wake without a model turn);
  median of ${setup.wakeRuns}, runs: ${list(wake.wakeReadyRunsMs, s)}.
- \`tenant_rss_mb\`: VmRSS from \`/proc/<pid>/status\` summed over every process of one idle
  tenant (after its warm-up turns): the sandbox's running processes by the OS pid the sandbox
  host reports, their process groups and all descendants (walking \`/proc/*/stat\` parent
  links), ${memory.tenantProcesses} processes; median of ${setup.memorySamples} samples 1 s apart. Shared processes
  (workerd, the sandbox host) are not counted. \`raw_gateway_rss_mb\` is the same for the raw
  gateway after the same warm-up turns (${memory.rawProcesses} processes). \`raw_gateway_tuned_rss_mb\`: a second raw
  gateway, started and warmed alike, with the memory settings the launcher gives every
  tenant's OpenClaw (\`MALLOC_ARENA_MAX=2\`, \`NODE_OPTIONS=--max-semi-space-size=2\`): against
  \`raw_gateway_rss_mb\` it is what those settings save, and the tenant figure is with them.
- \`soak_workerd_growth_mb\`: ${setup.soakTenants} fresh tenants, each with ${setup.soakLoopsPerTenant} loops of mixed traffic
  through the API worker to the runtime (a streamed chat turn of 60 words, the status, the
  session list, the session's history, in turn) for ${setup.soakMinutes} minutes: ${soak.answers} answers, ${soak.errors} errors.
  VmRSS of the one workerd process that serves the workers, sampled every 30 s; the figure is
  its growth from minute ${setup.soakBaselineMinute} to the end. Samples (MB): ${soak.workerdSamplesMb.map(Math.round).join(", ")}.
  \`soak_gateway_growth_mb\` is the largest growth of one tenant's process tree over the same
  span; samples (MB) per tenant: ${soak.gatewaySamplesMb.map((samples) => samples.map(Math.round).join(", ")).join("; ")}.
  \`soak_isolate_heap_growth_mb\`: the JS heap the api and runtime workers' isolates still use after a
  full garbage collection (forced over workerd's inspector), summed, at the end minus at minute
  ${setup.soakBaselineMinute}: what a Worker's memory limit applies to. By worker (MB), at minute ${setup.soakBaselineMinute} → at the end:
  ${Object.keys(soak.isolateHeapsMb.end)
    .map((worker) => `${worker} ${(soak.isolateHeapsMb.baseline[worker] ?? Number.NaN).toFixed(1)} → ${(soak.isolateHeapsMb.end[worker] ?? Number.NaN).toFixed(1)}`)
    .join(", ")}.
${apiMethodNotes(results.api, setup, { pairs: setup.apiTtftPairs, words: setup.ttftWords, proxyPairs: setup.modelProxyPairs, statusConcurrency: setup.apiStatusConcurrency, statusSeconds: setup.apiStatusSeconds })}${webMethodNotes(results.web, { renders: setup.webRenders, tokenPairs: setup.webTokenPairs, words: setup.ttftWords, hatcheryThreads: setup.hatcheryThreads, hatcherySessions: setup.hatcherySessions })}${agentMethodNotes(results.agent, { pairs: setup.agentPairs, words: setup.ttftWords })}`;
}
