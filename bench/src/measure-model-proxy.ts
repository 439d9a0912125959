import { gatewayEnvironment, readSse, type LocalStack } from "@openclaw-cloud/local-stack";
import { MODEL_PROXY_PATH } from "@openclaw-cloud/contracts";
import { median, percentile } from "./stats.ts";

/** The environment entry that holds an openai-compatible provider's key in a gateway (gateway-config's model-provider.ts). */
const PROVIDER_KEY_ENTRY = "CUSTOM_API_KEY=";

export interface ModelProxyResult {
  /** Median over pairs of (first content delta through the proxy) - (the same, straight to the model server). */
  overheadMs: number;
  overheadQuartilesMs: [number, number];
  proxyFirstDeltaMs: number;
  directFirstDeltaMs: number;
  pairs: number;
}

/**
 * The model proxy's cost, as a tenant's gateway sees it: pairs of the same streamed chat
 * completion, one through `/api/model-proxy/v1` with the tenant's own credential (read from
 * its gateway's environment, where its runtime put it), one straight to the model server;
 * the order flips every pair. Each proxied call is checked, held, metered and debited as any.
 */
export async function measureModelProxy(stack: LocalStack, tenantId: string, options: { pairs: number; words: number }): Promise<ModelProxyResult> {
  const entry = (await gatewayEnvironment(stack, tenantId)).find((line) => line.startsWith(PROVIDER_KEY_ENTRY));
  if (!entry) throw new Error(`the gateway of ${tenantId} has no model proxy credential`);
  const viaProxy = { url: `${stack.apiUrl}${MODEL_PROXY_PATH}/chat/completions`, key: entry.slice(PROVIDER_KEY_ENTRY.length) };
  const direct = { url: `${stack.model.url}/v1/chat/completions`, key: "local-model-key" };
  for (let i = 0; i < 5; i++) await Promise.all([firstDeltaMs(viaProxy, options.words), firstDeltaMs(direct, options.words)]);
  const proxied: number[] = [];
  const straight: number[] = [];
  for (let i = 0; i < options.pairs; i++) {
    if (i % 2 === 0) {
      proxied.push(await firstDeltaMs(viaProxy, options.words));
      straight.push(await firstDeltaMs(direct, options.words));
    } else {
      straight.push(await firstDeltaMs(direct, options.words));
      proxied.push(await firstDeltaMs(viaProxy, options.words));
    }
  }
  const overheads = proxied.map((ms, i) => ms - straight[i]!);
  return {
    overheadMs: median(overheads),
    overheadQuartilesMs: [percentile(overheads, 25), percentile(overheads, 75)],
    proxyFirstDeltaMs: median(proxied),
    directFirstDeltaMs: median(straight),
    pairs: options.pairs,
  };
}

/** Request to the first chunk that carries content, for a streamed `[words:N]` completion; the rest is read to the end. */
async function firstDeltaMs(target: { url: string; key: string }, words: number): Promise<number> {
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
