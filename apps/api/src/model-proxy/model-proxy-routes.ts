import { MODEL_CREDENTIAL_CHECK_PATH, MODEL_PROXY_PATH, modelCredentialTenant } from "@openclaw-cloud/contracts";
import { readJsonBody } from "@openclaw-cloud/http-kit";
import { z } from "zod";
import type { PlatformModel } from "../env.ts";
import { ApiError } from "../http/api-error.ts";
import type { ApiApp, ApiContext } from "../http/context.ts";
import { RuntimeClient, errorOf } from "../runtime/runtime-client.ts";

/** A model call carries the whole conversation (tool results, images): the same bound as a gateway's own OpenResponses body. */
export const MAX_MODEL_REQUEST_BYTES = 20 * 1024 * 1024;

/** The proxy reads only the model id; everything else goes upstream as the gateway sent it. */
const ChatCompletionsBodySchema = z.looseObject({ model: z.string().min(1).max(256) });

/** Upstream answer headers worth passing on; hop-by-hop ones and the upstream's cookies are not. */
const PASSED_HEADERS = ["content-type", "cache-control", "x-request-id"];

/**
 * The platform's model proxy (`/api/model-proxy/v1`, contracts' MODEL_PROXY_PATH): the
 * OpenAI-compatible provider of every tenant on the platform's default model. A tenant's
 * gateway presents the credential its runtime issued at the gateway's start; the tenant's
 * runtime says whether it is current (the tenant id in the credential only says which
 * runtime to ask); then the call goes upstream with the platform's key, which no sandbox
 * ever holds, and the answer comes back as it streams. Not a signed-in route: a gateway is
 * no person, so no session and no per-user rate limit.
 */
export function modelProxyRoutes(app: ApiApp): void {
  app.get(`${MODEL_PROXY_PATH}/models`, async (c) => {
    const platform = await admitGateway(c);
    return c.json({ object: "list", data: [{ id: platform.model, object: "model", created: 0, owned_by: "openclaw-cloud" }] });
  });

  app.post(`${MODEL_PROXY_PATH}/chat/completions`, async (c) => {
    const platform = await admitGateway(c);
    const body = await readJsonBody(c.req.raw, ChatCompletionsBodySchema, { maxBytes: MAX_MODEL_REQUEST_BYTES });
    if (body.model !== platform.model) throw new ApiError("invalid_request", 400, `model: this proxy serves only ${platform.model}`);
    let upstream: Response;
    try {
      upstream = await fetch(`${platform.baseUrl.replace(/\/+$/, "")}/chat/completions`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(platform.apiKey ? { authorization: `Bearer ${platform.apiKey}` } : {}) },
        body: JSON.stringify(body),
        signal: c.req.raw.signal,
      });
    } catch (error) {
      console.error("model upstream unreachable", error instanceof Error ? error.message : String(error));
      throw new ApiError("model_unavailable", 502, "the platform's model did not answer");
    }
    const headers = new Headers();
    for (const name of PASSED_HEADERS) {
      const value = upstream.headers.get(name);
      if (value) headers.set(name, value);
    }
    return new Response(upstream.body, { status: upstream.status, headers });
  });
}

/** The platform model, once the caller's credential is one its tenant's gateway holds now; 401 otherwise. */
async function admitGateway(c: ApiContext): Promise<PlatformModel> {
  const credential = /^Bearer (\S+)$/i.exec(c.req.header("authorization") ?? "")?.[1] ?? "";
  const tenantId = modelCredentialTenant(credential);
  if (!tenantId) throw unauthorized();
  const platform = c.get("settings").platformModel;
  if (!platform) throw new ApiError("no_default_model", 503, "this platform has no default model");
  const check = await new RuntimeClient(c.env, tenantId).fetch(MODEL_CREDENTIAL_CHECK_PATH, { method: "POST", body: JSON.stringify({ credential }) });
  if (check.status === 401) throw unauthorized();
  if (!check.ok) throw await errorOf(check);
  await check.body?.cancel();
  return platform;
}

function unauthorized(): ApiError {
  return new ApiError("unauthorized", 401, "a current model proxy credential is required (Authorization: Bearer ocmp_…)");
}
