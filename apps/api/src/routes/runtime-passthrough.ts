import type { ApiApp } from "../http/context.ts";

/**
 * Local development only (RUNTIME_PASSTHROUGH_PATH, set in wrangler.dev.jsonc): the local
 * stack serves the api as the front door and nothing else on its port,
 * so the runtime worker's own routes (its integration tests, its device proxy) are
 * reached under this prefix, unchanged and with the runtime's own auth. Unset in
 * production, where the runtime is only reachable over the service binding.
 */
export function runtimePassthrough(app: ApiApp): void {
  app.all("*", async (c, next) => {
    const prefix = c.env.RUNTIME_PASSTHROUGH_PATH;
    const path = c.req.path;
    if (!prefix || (path !== prefix && !path.startsWith(`${prefix}/`))) return next();
    const url = new URL(c.req.url);
    url.pathname = path.slice(prefix.length) || "/";
    return c.env.RUNTIME.fetch(new Request(url, c.req.raw));
  });
}
