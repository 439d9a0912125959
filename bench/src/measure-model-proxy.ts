import { gatewayEnvironment, readSse, type LocalStack } from "@openclaw-cloud/local-stack";
import { MODEL_PROXY_PATH } from "@openclaw-cloud/contracts";
import { startPassThroughWorker } from "./pass-through-worker.ts";
import { median, percentile } from "./stats.ts";

/** The environment entry that holds an openai-compatible provider's key in a gateway (gateway-config's model-provider.ts). */
const PROVIDER_KEY_ENTRY = "CUSTOM_API_KEY=";
/** The key the stack's model server is called with (it takes any). */
const MODEL_KEY = "local-model-key";
const WARM_UP_PAIRS = 5;

/** One arm against direct calls: median over pairs of (first content delta through it) - (the same, straight to the model server). */
export interface PairedOverhead {
  overheadMs: number;
  overheadQuartilesMs: [number, number];
  firstDeltaMs: number;
  directFirstDeltaMs: number;
}

export interface ModelProxyResult {
  /** Through the model proxy. */
  proxy: PairedOverhead;
  /** Through a bare pass-through worker (pass-through-worker.ts), measured right after in the same way: the floor of any Worker hop. */
  floor: PairedOverhead;
  pairs: number;
}

type Target = { url: string; key: string };

/**
 * The model proxy's cost, as a tenant's gateway sees it: pairs of the same streamed chat
 * completion, one through `/api/model-proxy/v1` with the tenant's own credential (read from
 * its gateway's environment, where its runtime put it), one straight to the model server;
 * the order flips every pair. Each proxied call is checked, held, metered and debited as any.
 * Then the same pairs with a worker that only passes the call through in the proxy's place.
 */
export async function measureModelProxy(stack: LocalStack, tenantId: string, options: { pairs: number; words: number }): Promise<ModelProxyResult> {
  const entry = (await gatewayEnvironment(stack, tenantId)).find((line) => line.startsWith(PROVIDER_KEY_ENTRY));
  if (!entry) throw new Error(`the gateway of ${tenantId} has no model proxy credential`);
  const direct = { url: `${stack.model.url}/v1/chat/completions`, key: MODEL_KEY };
  const proxy = await pairedOverhead({ url: `${stack.apiUrl}${MODEL_PROXY_PATH}/chat/completions`, key: entry.slice(PROVIDER_KEY_ENTRY.length) }, direct, options);
  const passThrough = await startPassThroughWorker({ baseUrl: `${stack.model.url}/v1`, key: MODEL_KEY });
  try {
    const floor = await pairedOverhead({ url: passThrough.url, key: "unused" }, direct, options);
    return { proxy, floor, pairs: options.pairs };
  } finally {
    await passThrough.stop();
  }
}

async function pairedOverhead(via: Target, direct: Target, options: { pairs: number; words: number }): Promise<PairedOverhead> {
  for (let i = 0; i < WARM_UP_PAIRS; i++) await Promise.all([firstDeltaMs(via, options.words), firstDeltaMs(direct, options.words)]);
  const through: number[] = [];
  const straight: number[] = [];
  for (let i = 0; i < options.pairs; i++) {
    if (i % 2 === 0) {
      through.push(await firstDeltaMs(via, options.words));
      straight.push(await firstDeltaMs(direct, options.words));
    } else {
      straight.push(await firstDeltaMs(direct, options.words));
      through.push(await firstDeltaMs(via, options.words));
    }
  }
  const overheads = through.map((ms, i) => ms - straight[i]!);
  return {
    overheadMs: median(overheads),
    overheadQuartilesMs: [percentile(overheads, 25), percentile(overheads, 75)],
    firstDeltaMs: median(through),
    directFirstDeltaMs: median(straight),
  };
}

/** Request to the first chunk that carries content, for a streamed `[words:N]` completion; the rest is read to the end. */
async function firstDeltaMs(target: Target, words: number): Promise<number> {
  const started = performance.now();
  const response = await fetch(target.url, {
    method: "POST",
    headers: { authorization: `Bearer ${target.key}`, "content-type": "application/json" },
    body: JSON.stringify({ model: "echo-1", stream: true, max_tokens: 256, messages: [{ role: "user", content: `benchmark [words:${words}]` }] }),
  });
  if (!response.ok || !response.body) throw new Error(`${target.url}: ${response.status} ${await response.text()}`);
  let first: number | null = null;
  for await (const event of readSse(response.body)) {
    if (first === null && event.data !== "[DONE]" && (JSON.parse(event.data) as { choices?: Array<{ delta?: { content?: string } }> }).choices?.[0]?.delta?.content) {
      first = event.at - started;
    }
  }
  if (first === null) throw new Error(`${target.url}: no content in the stream`);
  return first;
}
