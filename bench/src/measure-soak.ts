import { descendantsNamed, processRssMb, readSse, treeRss, type LocalStack } from "@openclaw-cloud/local-stack";
import { isolateHeapAfterGcMb } from "./isolate-heap.ts";
import { provisionTenant, runtimeFetch, sandboxInfo } from "./platform-api.ts";

export interface SoakOptions {
  tenants: number;
  loopsPerTenant: number;
  minutes: number;
  /** Where growth is measured from: the first minutes warm caches and JIT up. */
  baselineMinute: number;
  sampleEveryS: number;
  tenantPrefix: string;
  /** The stack's workerd inspector port (LocalStackOptions.workersInspectorPort), for the isolates' heaps. */
  inspectorPort: number;
}

/** The workers the soak's traffic passes through. */
const SOAK_WORKERS = ["openclaw-api", "openclaw-runtime"] as const;

export interface SoakResult {
  /** `soak_workerd_growth_mb`: the workerd process (api and runtime workers) from the baseline minute to the end. */
  workerdGrowthMb: number;
  /** `soak_gateway_growth_mb`: the largest growth of one tenant's process tree over the same span. */
  gatewayGrowthMb: number;
  /** `soak_isolate_heap_growth_mb`: the api and runtime isolates' JS heaps after a full GC, summed, over the same span. */
  isolateHeapGrowthMb: number;
  /** Those heaps (MB) at the baseline minute and at the end, by worker. */
  isolateHeapsMb: { baseline: Record<string, number>; end: Record<string, number> };
  /** RSS samples (MB): workerd, and each tenant's tree, at `sampleEveryS` steps from the start. */
  workerdSamplesMb: number[];
  gatewaySamplesMb: number[][];
  answers: number;
  errors: number;
  options: SoakOptions;
}

/**
 * Memory under load as a user would make it: `tenants` tenants, each with `loopsPerTenant`
 * loops of mixed traffic through the API worker to the runtime (streamed chat turns, status,
 * session lists, a session's history) for `minutes`. Samples the workerd process that serves
 * the workers, and each tenant's sandbox processes.
 */
export async function measureSoak(stack: LocalStack, options: SoakOptions): Promise<SoakResult> {
  const tenants: string[] = [];
  for (let i = 0; i < options.tenants; i++) tenants.push((await provisionTenant(stack, (attempt) => `${options.tenantPrefix}-soak-${i}-${attempt}`)).tenantId);
  const [workerd] = descendantsNamed(process.pid, "workerd");
  if (workerd === undefined) throw new Error("no workerd process below the benchmark");
  let answers = 0;
  let errors = 0;
  let running = true;
  const loops = tenants.flatMap((tenantId) =>
    Array.from({ length: options.loopsPerTenant }, async (_, loop) => {
      for (let step = 0; running; step++) {
        const ok = await mixedRequest(stack, tenantId, `soak-${loop}`, step).catch(() => false);
        if (ok) answers += 1;
        else errors += 1;
      }
    }),
  );
  const workerdSamplesMb: number[] = [];
  const gatewaySamplesMb: number[][] = tenants.map(() => []);
  const sample = async () => {
    workerdSamplesMb.push(processRssMb(workerd));
    for (const [i, tenantId] of tenants.entries()) {
      const { processes } = await sandboxInfo(stack, tenantId);
      gatewaySamplesMb[i]!.push(treeRss(processes.flatMap((p) => (p.status === "running" && p.pid !== null ? [p.pid] : []))).rssMb);
    }
  };
  const baseline = Math.round((options.baselineMinute * 60) / options.sampleEveryS);
  const heaps = async () => Object.fromEntries(await Promise.all(SOAK_WORKERS.map(async (worker) => [worker, await isolateHeapAfterGcMb(options.inspectorPort, worker)] as const)));
  let baselineHeaps: Record<string, number> = {};
  let endHeaps: Record<string, number> = {};
  try {
    const samples = Math.round((options.minutes * 60) / options.sampleEveryS);
    await sample();
    for (let i = 1; i <= samples; i++) {
      await new Promise((resolve) => setTimeout(resolve, options.sampleEveryS * 1000));
      await sample();
      if (i === baseline) baselineHeaps = await heaps();
    }
    endHeaps = await heaps();
  } finally {
    running = false;
    await Promise.all(loops);
  }
  const growth = (series: number[]) => series.at(-1)! - series[baseline]!;
  const total = (byWorker: Record<string, number>) => Object.values(byWorker).reduce((sum, mb) => sum + mb, 0);
  return {
    workerdGrowthMb: growth(workerdSamplesMb),
    gatewayGrowthMb: Math.max(...gatewaySamplesMb.map(growth)),
    isolateHeapGrowthMb: total(endHeaps) - total(baselineHeaps),
    isolateHeapsMb: { baseline: baselineHeaps, end: endHeaps },
    workerdSamplesMb,
    gatewaySamplesMb,
    answers,
    errors,
    options,
  };
}

/** One request of the mix, in turn: a streamed chat turn, the status, the session list, the session's history. */
async function mixedRequest(stack: LocalStack, tenantId: string, sessionKey: string, step: number): Promise<boolean> {
  switch (step % 4) {
    case 0: {
      const response = await runtimeFetch(stack, tenantId, "/v1/responses", {
        method: "POST",
        headers: { "x-openclaw-session-key": sessionKey },
        body: JSON.stringify({ model: "openclaw", input: `turn ${step} [words:60]`, stream: true }),
      });
      if (!response.ok || !response.body) return false;
      let completed = false;
      for await (const event of readSse(response.body)) if (event.event === "response.completed") completed = true;
      return completed;
    }
    case 1:
      return drained(await runtimeFetch(stack, tenantId, "/v1/tenant/status"));
    case 2:
      return drained(await runtimeFetch(stack, tenantId, "/v1/sessions"));
    default:
      return drained(await runtimeFetch(stack, tenantId, `/v1/sessions/${encodeURIComponent(`agent:main:${sessionKey}`)}/history`));
  }
}

async function drained(response: Response): Promise<boolean> {
  await response.arrayBuffer();
  return response.ok;
}
