import { readJsonBody } from "@openclaw-cloud/http-kit";
import type { ControlUiLink, DeviceLink } from "@openclaw-cloud/contracts/web-views";
import { z } from "zod";
import { controlUiOrigin } from "../control-ui/control-ui-origin.ts";
import { ApiError } from "../http/api-error.ts";
import type { ApiApp, ApiContext } from "../http/context.ts";
import { requireInstance, userRuntime } from "../instances/tenant.ts";

const DeviceLinkBodySchema = z.strictObject({ ttlSeconds: z.number().int().min(30).max(600).optional() });
const ControlUiLinkBodySchema = z.strictObject({});
/** A Control UI link is opened right away, in the browser that asked for it. */
const CONTROL_UI_TICKET_SECONDS = 120;

interface RuntimeTicket {
  ticket: string;
  expiresAt: string;
}

/**
 * Links into a person's own gateway, each with a short-lived ticket from the runtime for
 * the user's tenant and one purpose:
 * - a device link: where their own device (an OpenClaw node) connects, on the origin the
 *   request came to (the website forwards the browser's request unchanged, so that is the
 *   site); the API serves that path itself (gateway-passthrough.ts).
 * - a Control UI link: OpenClaw's dashboard on the tenant's own origin (control-ui/).
 */
export function deviceLinkRoute(app: ApiApp): void {
  app.post("/api/openclaw/devices/link", async (c) => {
    const body = await readJsonBody(c.req.raw, DeviceLinkBodySchema, { allowEmpty: true });
    const instance = await requireInstance(c);
    const { ticket, expiresAt } = await issueTicket(c, { purpose: "device", ...body });
    const path = `/gateway/${instance.tenantId}/`;
    return c.json({ wsUrl: deviceWsUrl(c.req.url, path, ticket), expiresAt, path } satisfies DeviceLink, 201);
  });

  app.post("/api/openclaw/control-ui/link", async (c) => {
    await readJsonBody(c.req.raw, ControlUiLinkBodySchema, { allowEmpty: true });
    const instance = await requireInstance(c);
    const origins = c.get("settings").controlUi;
    if (!origins) throw new ApiError("control_ui_unavailable", 503, "this platform serves no Control UI (CONTROL_UI_ORIGIN is not set)");
    const { ticket, expiresAt } = await issueTicket(c, { purpose: "control-ui", ttlSeconds: CONTROL_UI_TICKET_SECONDS });
    const url = new URL("/", controlUiOrigin(origins, instance.tenantId));
    url.searchParams.set("ticket", ticket);
    return c.json({ url: url.href, expiresAt } satisfies ControlUiLink, 201);
  });
}

/** A ticket from the user's runtime for one purpose (its `/v1/gateway/tickets`). */
async function issueTicket(c: ApiContext, request: { purpose: "device" | "control-ui"; ttlSeconds?: number }): Promise<RuntimeTicket> {
  return (await userRuntime(c)).json<RuntimeTicket>("/v1/gateway/tickets", { method: "POST", body: JSON.stringify(request) });
}

/**
 * The device link's ws(s) URL on the origin of `requestUrl`. Pure.
 *
 * @example deviceWsUrl("https://site.example/api/openclaw/devices/link", "/gateway/u-1/", "t")
 *   // "wss://site.example/gateway/u-1/?ticket=t"
 */
export function deviceWsUrl(requestUrl: string, path: string, ticket: string): string {
  const origin = new URL(requestUrl);
  const url = new URL(path, origin.origin);
  url.searchParams.set("ticket", ticket);
  url.protocol = origin.protocol === "https:" ? "wss:" : "ws:";
  return url.href;
}
