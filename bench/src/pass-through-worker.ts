import { loadMiniflare } from "@openclaw-cloud/local-stack";

/**
 * The least any Worker in front of the model server costs: a worker that only adds the
 * upstream's key and returns the upstream's answer as it comes (no checks, no meter), in a
 * workerd of its own. The model proxy's figure is read against it (measure-model-proxy.ts).
 */
const SCRIPT = `export default {
  fetch(request, env) {
    return fetch(env.UPSTREAM + "/chat/completions", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: "Bearer " + env.UPSTREAM_KEY },
      body: request.body,
    });
  },
};`;

export async function startPassThroughWorker(upstream: { baseUrl: string; key: string }): Promise<{ url: string; stop(): Promise<void> }> {
  const { Miniflare, convertV4MiniflareOptions } = await loadMiniflare();
  const miniflare = new Miniflare(
    convertV4MiniflareOptions({
      host: "127.0.0.1",
      port: 0,
      cf: false,
      workers: [
        {
          name: "pass-through",
          modules: true,
          script: SCRIPT,
          compatibilityDate: "2026-10-01",
          bindings: { UPSTREAM: upstream.baseUrl, UPSTREAM_KEY: upstream.key },
        },
      ],
    }),
  );
  const url = (await miniflare.ready).origin;
  return { url, stop: () => miniflare.dispose() };
}
