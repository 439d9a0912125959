import type { LocalStack } from "@openclaw-cloud/local-stack";
import { measureChat, warmUp, type ChatResult } from "./measure-chat.ts";
import { measureModelProxy, type ModelProxyResult } from "./measure-model-proxy.ts";
import { expectJson, gatewayDirect, sandboxIds } from "./platform-api.ts";
import { median, percentile, round } from "./stats.ts";

/** The benchmark's API user: an admin by ADMIN_EMAILS, so it can let itself in and grant itself credits. */
const BENCH_USER = { workosUserId: "user_bench", email: "bench@bench.test", name: "Bench" };

/** Vars for the api worker in the bench's stack: the bench's admin, and limits it does not hit. */
export const API_BENCH_VARS: Record<string, string> = {
  ADMIN_EMAILS: BENCH_USER.email,
  RATE_LIMIT_BURST: "1000000",
  RATE_LIMIT_PER_SECOND: "1000000",
};

/** The API as the bench's admin user, a server-to-server caller. */
export function benchAdminApi(stack: LocalStack): (path: string, init?: RequestInit) => Promise<Response> {
  return (path, init = {}) => fetch(`${stack.apiUrl}${path}`, { ...init, headers: { ...stack.apiInternalHeaders(BENCH_USER), "content-type": "application/json", ...init.headers } });
}

export interface ApiOptions {
  warmupTurns: number;
  pairs: number;
  words: number;
  /** Proxy/direct pairs of model calls for the model proxy's overhead. */
  proxyPairs: number;
  /** Concurrent requests in flight from the one load process. */
  statusConcurrency: number;
  statusSeconds: number;
}

export interface ApiResult {
  /** Turns through the API's OpenResponses endpoint (API worker + runtime) paired with turns straight to the same gateway. */
  chat: ChatResult;
  /** The model proxy (the tenant's gateway's provider) against the model server straight. */
  modelProxy: ModelProxyResult;
  /** The very first turn through the API after the instance was created. */
  firstTurnTtftMs: number;
  statusRps: number;
  statusLatencyP50Ms: number;
  statusLatencyP99Ms: number;
  statusRequests: number;
  statusErrors: number;
}

/**
 * The API worker's cost: chat through `/api/openclaw/v1/responses` (API token, credits
 * check, usage read in passing) against the same turns straight to the instance's own
 * gateway, and the rate of authenticated status requests one load process gets.
 * Provisions the bench user's instance through the API and deletes it afterwards.
 */
export async function measureApi(stack: LocalStack, options: ApiOptions): Promise<ApiResult> {
  const api = benchAdminApi(stack);
  const { user } = await expectJson<{ user: { id: string } }>(await api("/api/me"));
  await expectJson(await api(`/api/admin/users/${user.id}/credits`, { method: "POST", body: JSON.stringify({ amount: 1_000_000_000, reason: "bench" }) }), 201);
  const { token } = await expectJson<{ token: string }>(await api("/api/tokens", { method: "POST", body: JSON.stringify({ name: "bench" }) }), 201);
  const before = new Set(await sandboxIds(stack));
  await expectJson(await api("/api/openclaw/instance", { method: "POST" }), 201);
  try {
    // The API derives the tenant id and never shows it: its sandbox is the one that appeared.
    const tenantId = (await sandboxIds(stack)).find((id) => !before.has(id));
    if (!tenantId) throw new Error("creating the instance made no new sandbox");
    const bearer = { authorization: `Bearer ${token}` };
    const viaApi = { url: `${stack.apiUrl}/api/openclaw/v1/responses`, headers: bearer };
    const firstTurnTtftMs = await warmUp(viaApi, options.warmupTurns);
    const chat = await measureChat(stack, viaApi, await gatewayDirect(stack, tenantId), options);
    const modelProxy = await measureModelProxy(stack, tenantId, { pairs: options.proxyPairs, words: options.words });
    const status = await loadStatus(`${stack.apiUrl}/api/openclaw/status`, bearer, options);
    return { chat, modelProxy, firstTurnTtftMs, ...status };
  } finally {
    await expectJson(await api("/api/openclaw/instance?purgeBackups=true", { method: "DELETE" }));
  }
}

/** `statusConcurrency` request loops for `statusSeconds` (after a short warm-up), counting 200s per second. */
async function loadStatus(url: string, headers: Record<string, string>, options: ApiOptions) {
  const run = async (seconds: number) => {
    const latencies: number[] = [];
    let errors = 0;
    const until = performance.now() + seconds * 1000;
    const loop = async () => {
      while (performance.now() < until) {
        const started = performance.now();
        const response = await fetch(url, { headers });
        await response.arrayBuffer();
        if (response.status === 200) latencies.push(performance.now() - started);
        else errors++;
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: options.statusConcurrency }, loop));
    return { latencies, errors, elapsedS: (performance.now() - started) / 1000 };
  };
  await run(2);
  const { latencies, errors, elapsedS } = await run(options.statusSeconds);
  if (latencies.length === 0) throw new Error(`no status request succeeded (${errors} errors)`);
  return {
    statusRps: latencies.length / elapsedS,
    statusLatencyP50Ms: median(latencies),
    statusLatencyP99Ms: percentile(latencies, 99),
    statusRequests: latencies.length,
    statusErrors: errors,
  };
}

export function summarizeApi(api: ApiResult): Record<string, number> {
  return {
    api_chat_ttft_overhead_ms: round(api.chat.ttftOverheadMs, 1),
    model_proxy_overhead_ms: round(api.modelProxy.proxy.overheadMs, 2),
    model_proxy_floor_ms: round(api.modelProxy.floor.overheadMs, 2),
    api_status_rps: round(api.statusRps, 0),
  };
}

export function apiReportRows(summary: Record<string, number | null>): Array<{ metric: string; target: string; met: boolean | null }> {
  const atMost = (metric: string, limit: number) => (summary[metric] ?? null) !== null && summary[metric]! <= limit;
  return [
    { metric: "api_chat_ttft_overhead_ms", target: "<= 15", met: atMost("api_chat_ttft_overhead_ms", 15) },
    { metric: "model_proxy_overhead_ms", target: "<= 3", met: atMost("model_proxy_overhead_ms", 3) },
    { metric: "model_proxy_floor_ms", target: "reported", met: null },
    { metric: "api_status_rps", target: "reported", met: null },
  ];
}

const ms = (value: number) => (Number.isNaN(value) ? "n/a" : `${value.toFixed(1)} ms`);

/** The method notes for the API figures in docs/benchmarks.md. */
export function apiMethodNotes(api: ApiResult, setup: { chatWarmupTurns: number }, options: Pick<ApiOptions, "pairs" | "words" | "proxyPairs" | "statusConcurrency" | "statusSeconds">): string {
  return `- \`api_chat_ttft_overhead_ms\`: the TTFT measurement above, with the API worker in
  front: a user's instance created through \`POST /api/openclaw/instance\`, then
  ${setup.chatWarmupTurns} warm-up turns through the API (the first: ${(api.firstTurnTtftMs / 1000).toFixed(2)} s to the first delta) and ${options.pairs} pairs of short turns (\`[words:${options.words}]\`), one through \`POST /api/openclaw/v1/responses\`
  with the user's API token (auth, rate limit and credit check against the local Convex,
  then the runtime over the service binding, the stream passed through with its usage read
  in passing), one straight to that instance's own gateway as above; first delta, API minus direct,
  median over pairs (quartiles ${ms(api.chat.ttftOverheadQuartilesMs[0])} / ${ms(api.chat.ttftOverheadQuartilesMs[1])}). Median TTFT: API ${ms(api.chat.runtime.ttftMs)},
  direct ${ms(api.chat.direct.ttftMs)}; request to response headers ${ms(api.chat.runtime.headMs)} vs ${ms(api.chat.direct.headMs)};
  model's first delta to the client ${ms(api.chat.runtime.firstDeltaDelayMs)} vs ${ms(api.chat.direct.firstDeltaDelayMs)}.
  That instance is on the platform's model, so its gateway's own model calls (in both halves of
  each pair) go through the model proxy.
- \`model_proxy_overhead_ms\`: the same instance's model proxy credential (read from its gateway's
  environment), then ${options.proxyPairs} pairs of one streamed chat completion (\`[words:${options.words}]\`), one through
  \`POST /api/model-proxy/v1/chat/completions\` (the credential checked by the tenant's Durable Object over RPC beside
  a credit hold in the owner's UserLimits Durable Object, the upstream call made meanwhile for a credential admitted in the last 10 s and its answer released once both pass, metered in passing and debited), one
  straight to the model server, the order flipping every pair; request to the first content delta,
  proxy minus direct, median over pairs (quartiles ${ms(api.modelProxy.proxy.overheadQuartilesMs[0])} / ${ms(api.modelProxy.proxy.overheadQuartilesMs[1])}). Median first delta: proxy
  ${ms(api.modelProxy.proxy.firstDeltaMs)}, direct ${ms(api.modelProxy.proxy.directFirstDeltaMs)}.
- \`model_proxy_floor_ms\`: the same ${options.proxyPairs} pairs right after, with a worker that only adds the
  model server's key and returns its answer untouched (bench/src/pass-through-worker.ts, in a workerd of
  its own) in the proxy's place: what any Worker hop costs here, the part of \`model_proxy_overhead_ms\`
  that is not the proxy's own work (quartiles ${ms(api.modelProxy.floor.overheadQuartilesMs[0])} / ${ms(api.modelProxy.floor.overheadQuartilesMs[1])}; median first delta through it
  ${ms(api.modelProxy.floor.firstDeltaMs)}, direct ${ms(api.modelProxy.floor.directFirstDeltaMs)}).
- \`api_status_rps\`: \`GET /api/openclaw/status\` with the API token, ${options.statusConcurrency} requests in flight from
  this one Node process over loopback for ${options.statusSeconds} s after a 2 s warm-up; 200s per second.
  Each request authenticates the token (one Convex call, which also reads the user and
  their balance), takes a token from the user's rate-limit Durable Object, reads the
  instance from Convex and the live state from the runtime. Latency p50 ${ms(api.statusLatencyP50Ms)}, p99 ${ms(api.statusLatencyP99Ms)}; ${api.statusRequests} requests, ${api.statusErrors} errors.
`;
}
