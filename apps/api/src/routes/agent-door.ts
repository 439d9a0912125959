import { THREAD_AGENT_PATH } from "@openclaw-cloud/contracts/threads";
import { agentHeaders, fetchAgent } from "../agent/agent-client.ts";
import { ApiError } from "../http/api-error.ts";
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
  requireOwnOrigin(c);
  await requireOwnThread(c, c.req.param("threadId"));
  const headers = agentHeaders(c.req.raw.headers, c.env, c.get("principal").user.workosUserId);
  return fetchAgent(c.env, new Request(c.req.raw, { headers }));
}

/**
 * A browser sends its cookies with a WebSocket handshake from any page, and names that page
 * in `Origin`: a thread opens only from this site's own pages (no cross-site WebSocket
 * hijacking). Clients that are not browsers send no `Origin`.
 */
function requireOwnOrigin(c: ApiContext): void {
  const origin = c.req.header("origin");
  if (origin === undefined || c.req.header("upgrade")?.toLowerCase() !== "websocket") return;
  if (origin !== new URL(c.req.url).origin) throw new ApiError("forbidden", 403, "a chat opens only from this site's own pages");
}
