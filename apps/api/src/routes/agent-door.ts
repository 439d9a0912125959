import { THREAD_AGENT_PATH } from "@openclaw-cloud/contracts/threads";
import { agentHeaders, fetchAgent } from "../agent/agent-client.ts";
import type { ApiApp, ApiContext } from "../http/context.ts";
import { requireOwnThread } from "./thread-routes.ts";

/** The door's paths: a thread's agent and everything below it (Hono's `/*` does not match the bare path). */
export const AGENT_DOOR_PATHS = [`/agents/${THREAD_AGENT_PATH}/:threadId`, `/agents/${THREAD_AGENT_PATH}/:threadId/*`] as const;

/**
 * The durable-thread door: `/agents/thread-agent/<threadId>[/…]`, the Agents SDK's own
 * paths (its WebSocket, `get-messages`), which the web worker forwards unchanged. The
 * caller is authenticated and gated like every `/api` route (see app.ts), the thread must
 * be theirs (404 otherwise), and the request goes to the agent worker as it came
 * (WebSocket upgrades included) with the internal key and the user's WorkOS id in place
 * of the caller's own credentials. Any other `/agents/*` path is the app's 404.
 */
export function agentDoor(app: ApiApp): void {
  for (const path of AGENT_DOOR_PATHS) app.all(path, forwardToThreadAgent);
}

async function forwardToThreadAgent(c: ApiContext): Promise<Response> {
  await requireOwnThread(c, c.req.param("threadId"));
  const headers = agentHeaders(c.req.raw.headers, c.env, c.get("principal").user.workosUserId);
  return fetchAgent(c.env, new Request(c.req.raw, { headers }));
}
