import { readJsonBody } from "@openclaw-cloud/http-kit";
import { z } from "zod";
import type { ApiApp } from "../http/context.ts";
import { requireInstance, userRuntime } from "../instances/tenant.ts";

const LinkBodySchema = z.strictObject({ ttlSeconds: z.number().int().min(30).max(3600).optional() });

interface RuntimeTicket {
  ticket: string;
  expiresAt: string;
  path: string;
}

/**
 * A link a person's own device (an OpenClaw node, the Control UI) connects to their
 * gateway with: a short-lived proxy ticket from the runtime for the user's tenant, as
 * absolute URLs on the origin the request came to (the website forwards the browser's
 * request unchanged, so that is the site). The API serves the path itself (gateway-passthrough.ts).
 */
export function deviceLinkRoute(app: ApiApp): void {
  app.post("/api/openclaw/devices/link", async (c) => {
    const body = await readJsonBody(c.req.raw, LinkBodySchema, { allowEmpty: true });
    await requireInstance(c);
    const runtime = await userRuntime(c);
    const { ticket, expiresAt, path } = await runtime.json<RuntimeTicket>("/v1/gateway/tickets", { method: "POST", body: JSON.stringify(body) });
    return c.json({ ...deviceLinkUrls(c.req.url, path, ticket), expiresAt, path }, 201);
  });
}

/**
 * The link's URLs on the origin of `requestUrl`: `url` (http/https, for the Control UI) and
 * `wsUrl` (ws/wss, for a node). Pure.
 *
 * @example deviceLinkUrls("https://site.example/api/openclaw/devices/link", "/gateway/u-1/", "t")
 *   // { url: "https://site.example/gateway/u-1/?ticket=t", wsUrl: "wss://site.example/gateway/u-1/?ticket=t" }
 */
export function deviceLinkUrls(requestUrl: string, path: string, ticket: string): { url: string; wsUrl: string } {
  const origin = new URL(requestUrl);
  const url = new URL(path, origin.origin);
  url.searchParams.set("ticket", ticket);
  const wsUrl = new URL(url);
  wsUrl.protocol = origin.protocol === "https:" ? "wss:" : "ws:";
  return { url: url.href, wsUrl: wsUrl.href };
}
