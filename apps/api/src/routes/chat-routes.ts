import { MAX_RESPONSES_BODY_BYTES, SessionKeySchema, SessionSendSchema, TURN_SURFACE_HEADER, type TurnSurface } from "@openclaw-cloud/contracts";
import { readJsonBody } from "@openclaw-cloud/http-kit";
import { z } from "zod";
import type { AuthMethod } from "../auth/principal.ts";
import { requireCredits } from "../billing/credits.ts";
import { ApiError } from "../http/api-error.ts";
import type { ApiApp, ApiContext } from "../http/context.ts";
import { userRuntime } from "../instances/tenant.ts";
import { errorOf } from "../runtime/runtime-client.ts";
import { sessionKeyParam } from "./gateway-routes.ts";

/** The session website chat turns go to unless the client names one. */
export const DEFAULT_CHAT_SESSION_KEY = "main";

const ChatSchema = z.strictObject({ message: z.string().min(1).max(100_000), sessionKey: SessionKeySchema.optional() });
/** The gateway validates OpenResponses and chat completions bodies itself; here only the shape that is always required. */
const ResponsesSchema = z.looseObject({ input: z.union([z.string().min(1), z.array(z.unknown()).min(1)]), stream: z.boolean().optional() });
const ChatCompletionsSchema = z.looseObject({ messages: z.array(z.unknown()).min(1), stream: z.boolean().nullish() });

/**
 * Everything that runs an agent turn, and so costs credits: checked before the turn starts
 * (402). What the turn costs is metered where it is spent, at the model proxy (one debit
 * per model call of the platform's model; a person's own key costs no credits).
 */
export function chatRoutes(app: ApiApp): void {
  app.post("/api/openclaw/chat", async (c) => {
    const { message, sessionKey } = await readJsonBody(c.req.raw, ChatSchema);
    return runTurn(c, "/v1/responses", JSON.stringify({ model: "openclaw", input: message, stream: true }), sessionKey ?? DEFAULT_CHAT_SESSION_KEY);
  });

  app.post("/api/openclaw/sessions/:sessionKey/send", async (c) => {
    const sessionKey = sessionKeyParam(c);
    const body = await readJsonBody(c.req.raw, SessionSendSchema);
    return runTurn(c, `/v1/sessions/${encodeURIComponent(sessionKey)}/send`, JSON.stringify(body));
  });

  // OpenAI-compatible: standard clients (the openai SDK, the AI SDK's OpenAI-compatible
  // provider, chat front ends) point their base URL at /api/openclaw/v1 and use a user API
  // token as their API key. `model` names an agent of the gateway ("openclaw").
  app.post("/api/openclaw/v1/responses", async (c) => {
    requireApiToken(c);
    const body = await readJsonBody(c.req.raw, ResponsesSchema, { maxBytes: MAX_RESPONSES_BODY_BYTES });
    return runTurn(c, "/v1/responses", JSON.stringify(body), c.req.header("x-openclaw-session-key"));
  });

  app.post("/api/openclaw/v1/chat/completions", async (c) => {
    requireApiToken(c);
    const body = await readJsonBody(c.req.raw, ChatCompletionsSchema, { maxBytes: MAX_RESPONSES_BODY_BYTES });
    return runTurn(c, "/v1/chat/completions", JSON.stringify(body), c.req.header("x-openclaw-session-key"));
  });

  app.get("/api/openclaw/v1/models", async (c) => {
    requireApiToken(c);
    const response = await (await userRuntime(c)).fetch("/v1/models");
    if (!response.ok) throw await errorOf(response);
    return new Response(response.body, { status: 200, headers: { "content-type": "application/json" } });
  });
}

/** The OpenAI-compatible endpoints take a user API token, as OpenAI's take an API key; a browser session is not one. */
function requireApiToken(c: ApiContext): void {
  if (c.get("principal").via === "session") throw new ApiError("unauthorized", 401, "this endpoint takes a user API token: Authorization: Bearer oc_…");
}

/** Where a turn comes from, by how its caller signed in: the model proxy bills its model calls to that surface. */
const TURN_SURFACE_BY_AUTH: Record<AuthMethod, TurnSurface> = { session: "website", token: "api", internal: "threads" };

/** One agent turn through the runtime; a stream is passed to the client chunk by chunk as it arrives (never buffered). */
async function runTurn(c: ApiContext, path: string, body: string, sessionKey?: string): Promise<Response> {
  requireCredits(c.get("principal"));
  if (sessionKey !== undefined) parseSessionKey(sessionKey);
  const runtime = await userRuntime(c);
  const headers: Record<string, string> = { [TURN_SURFACE_HEADER]: TURN_SURFACE_BY_AUTH[c.get("principal").via] };
  if (sessionKey) headers["x-openclaw-session-key"] = sessionKey;
  const response = await runtime.fetch(path, { method: "POST", body, headers });
  if (!response.ok) throw await errorOf(response);
  const contentType = response.headers.get("content-type") ?? "application/json";
  if (!contentType.includes("text/event-stream")) return new Response(response.body, { status: response.status, headers: { "content-type": contentType } });
  return new Response(response.body, {
    status: response.status,
    headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache", "x-accel-buffering": "no" },
  });
}

function parseSessionKey(value: string): void {
  if (!SessionKeySchema.safeParse(value).success) throw new ApiError("invalid_request", 400, "x-openclaw-session-key: 1-512 characters");
}
