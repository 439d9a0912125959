import type { ApiEnv } from "../env.ts";
import { ApiError } from "../http/api-error.ts";

/** The agent worker answers on any origin over the service binding; this one only names it in logs. */
const AGENT_ORIGIN = "http://openclaw-agent";

/**
 * The headers the agent worker trusts: the internal key and the WorkOS user id of the
 * user the API authenticated. Everything the caller sent under `x-oa-*`, and its cookie
 * and authorization, are dropped first: the agent never sees a user's own credentials.
 */
export function agentHeaders(from: HeadersInit | undefined, env: Pick<ApiEnv, "OA_INTERNAL_KEY">, workosUserId: string): Headers {
  const headers = new Headers(from);
  for (const name of [...headers.keys()]) {
    if (name === "cookie" || name === "authorization" || name.startsWith("x-oa-")) headers.delete(name);
  }
  headers.set("x-oa-internal-key", env.OA_INTERNAL_KEY);
  headers.set("x-oa-user-id", workosUserId);
  return headers;
}

/** One request to the agent worker over the AGENT binding; 503 agent_unavailable when it cannot be reached. */
export async function fetchAgent(env: ApiEnv, request: Request): Promise<Response> {
  try {
    return await env.AGENT.fetch(request);
  } catch (error) {
    console.error("agent worker unreachable", error instanceof Error ? error.message : String(error));
    throw new ApiError("agent_unavailable", 503, "the chat service did not answer");
  }
}

/** `POST <path>` on the agent worker with a JSON body, as `workosUserId`. */
export function postToAgent(env: ApiEnv, workosUserId: string, path: string, body: unknown): Promise<Response> {
  const headers = agentHeaders({ "content-type": "application/json" }, env, workosUserId);
  return fetchAgent(env, new Request(`${AGENT_ORIGIN}${path}`, { method: "POST", headers, body: JSON.stringify(body) }));
}
