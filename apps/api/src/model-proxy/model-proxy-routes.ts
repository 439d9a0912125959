import { MODEL_PROXY_PATH, modelCallReference, type ModelCallSurface } from "@openclaw-cloud/contracts";
import { readJsonBody } from "@openclaw-cloud/http-kit";
import { z } from "zod";
import { creditsFor } from "../billing/credits.ts";
import type { Debit } from "../billing/debit-queue.ts";
import type { PlatformModel } from "../env.ts";
import { ApiError } from "../http/api-error.ts";
import type { ApiApp } from "../http/context.ts";
import { settleCall } from "../limits/limits.ts";
import { admitGateway, admittedLately, credentialTenant, platformModel, type Admission, type Bill } from "./gateway-admission.ts";
import { ChatUsageReader, meterAnswer, mostTokens, type CallUsage } from "./usage-meter.ts";

/** A model call carries the whole conversation (tool results, images): the same bound as a gateway's own OpenResponses body. */
export const MAX_MODEL_REQUEST_BYTES = 20 * 1024 * 1024;

/** The proxy reads the model id and whether the answer streams; everything else goes upstream as the gateway sent it. */
const ChatCompletionsBodySchema = z.looseObject({
  model: z.string().min(1).max(256),
  stream: z.boolean().nullish(),
  stream_options: z.looseObject({}).nullish(),
  max_tokens: z.number().int().positive().max(10_000_000).nullish(),
  max_completion_tokens: z.number().int().positive().max(10_000_000).nullish(),
});

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
 *
 * The meter: every call is charged to the owner of the tenant's instance from the
 * upstream's own usage figures (a stream is asked to include them), or from an estimate
 * when the call was cut short, whatever surface started the turn (website, API, channel,
 * cron, Control UI); the tenant's runtime says which surface to bill it to (contracts'
 * MODEL_CALL_SURFACES). Before the call, credits for the most it may cost are held (reserve,
 * then settle), so an owner with nothing left after the calls in flight is refused and
 * concurrent calls cannot overdraw far.
 */
export function modelProxyRoutes(app: ApiApp): void {
  app.get(`${MODEL_PROXY_PATH}/models`, async (c) => {
    const caller = credentialTenant(c);
    const platform = platformModel(c);
    await admitGateway(c, caller, null);
    return c.json({ object: "list", data: [{ id: platform.model, object: "model", created: 0, owned_by: "openclaw-cloud" }] });
  });

  app.post(`${MODEL_PROXY_PATH}/chat/completions`, async (c) => {
    const caller = credentialTenant(c); // a stranger's body is not read
    const platform = platformModel(c);
    const body = await readJsonBody(c.req.raw, ChatCompletionsBodySchema, { maxBytes: MAX_MODEL_REQUEST_BYTES });
    if (body.model !== platform.model) throw new ApiError("invalid_request", 400, `model: this proxy serves only ${platform.model}`);
    const streamed = body.stream === true;
    // The upstream's own usage figures are what the call is charged by: a stream must carry them.
    const upstreamBody = JSON.stringify(streamed ? { ...body, stream_options: { ...body.stream_options, include_usage: true } } : body);
    const hold = creditsFor(mostTokens(upstreamBody.length, body.max_completion_tokens ?? body.max_tokens ?? null));
    // A credential admitted lately asks the model while its admission runs; nothing of the
    // answer leaves before the admission passes, and a refused call drops the request.
    const ask = () => askUpstream(platform, upstreamBody, c.req.raw.signal);
    const early = admittedLately(caller.credential) ? ask() : null;
    let admission: Admission & { bill: Bill };
    try {
      admission = await admitGateway(c, caller, hold);
    } catch (error) {
      early?.abort();
      throw error;
    }
    const { tenantId, surface, bill } = admission;
    // Ends the call's hold, with its debit (null: nothing to charge). The call already
    // happened: a settle that fails is logged for reconciliation, never the call's failure.
    const settle = (debit: Debit | null) => {
      const settled = settleCall(c.env, bill.ownerId, bill.holdId, debit).catch((error: unknown) => {
        console.error("model call settle failed", tenantId, debit?.reference, error instanceof Error ? error.message : String(error));
      });
      c.executionCtx.waitUntil(settled);
    };
    const asked = await (early ?? ask()).answer;
    if (asked instanceof Error) {
      console.error("model upstream unreachable", asked.message);
      settle(null);
      throw new ApiError("model_unavailable", 502, "the platform's model did not answer");
    }
    const upstream = asked;
    if (upstream.status === 401 || upstream.status === 403) {
      // The platform's own key was refused: the tenant's gateway gets no part of that answer.
      console.error("model upstream refused the platform's key", upstream.status);
      await upstream.body?.cancel();
      settle(null);
      throw new ApiError("model_unavailable", 502, "the platform's model did not answer");
    }
    const headers = new Headers();
    for (const name of PASSED_HEADERS) {
      const value = upstream.headers.get(name);
      if (value) headers.set(name, value);
    }
    if (!upstream.ok || !upstream.body) {
      settle(null);
      return new Response(upstream.body, { status: upstream.status, headers });
    }
    const reader = new ChatUsageReader({ streamed, requestChars: upstreamBody.length });
    const metered = meterAnswer(upstream.body, reader, (usage) => settle(modelCallDebit(tenantId, surface, platform.model, usage)));
    return new Response(metered, { status: upstream.status, headers });
  });
}

/** A request to the platform's model, which can be dropped; its answer is the response or the error it failed with. */
function askUpstream(platform: PlatformModel, body: string, clientSignal: AbortSignal): { answer: Promise<Response | Error>; abort(): void } {
  const dropped = new AbortController();
  const answer = fetch(`${platform.baseUrl.replace(/\/+$/, "")}/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(platform.apiKey ? { authorization: `Bearer ${platform.apiKey}` } : {}) },
    body,
    signal: AbortSignal.any([clientSignal, dropped.signal]),
  }).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
  const abort = () => {
    dropped.abort();
    void answer.then((response) => (response instanceof Response ? response.body?.cancel() : undefined)).catch(() => {});
  };
  return { answer, abort };
}

/**
 * A model call's debit from its usage (null when it cost nothing): the reference names the
 * surface the runtime billed it to and the completion id, or a fresh id, so it counts once.
 */
function modelCallDebit(tenantId: string, surface: ModelCallSurface, model: string, usage: CallUsage): Debit | null {
  const amount = creditsFor(usage.totalTokens);
  if (amount <= 0) return null;
  const reason = `model call (${model}): ${usage.totalTokens} tokens${usage.estimated ? ", estimated: cut short" : ""}`;
  return { tenantId, amount, reason, reference: modelCallReference(surface, usage.id ?? crypto.randomUUID()) };
}
