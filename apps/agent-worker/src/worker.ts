import { HttpError, errorResponse, readJsonBody } from "@openclaw-cloud/http-kit";
import { ApprovalResponseBodySchema, type ApprovalView, InternalChatBodySchema, THREAD_AGENT_PATH, ThreadIdSchema } from "@openclaw-cloud/contracts/threads";
import { getAgentByName, routeAgentRequest } from "agents";
import { Hono, type Context } from "hono";
import { AgentError, type AgentResult } from "./errors.ts";
import { requireInternalCaller, type AgentApp } from "./internal-auth.ts";
import { agentName, type ThreadOwner } from "./thread-name.ts";

/**
 * The agent worker's routes: the browser's chat WebSocket and `get-messages` (forwarded by
 * the api), and the server-to-server chat and approval answers. Each first checks, as the
 * caller's user, that the thread is theirs; the agent it reaches is named from both.
 */
export const app = new Hono<AgentApp>();

app.use(requireInternalCaller);

app.all(`/agents/${THREAD_AGENT_PATH}/:threadId/*`, forwardToAgent);
app.all(`/agents/${THREAD_AGENT_PATH}/:threadId`, forwardToAgent);

app.post("/internal/chat", async (c) => {
  const { threadId, text } = await readJsonBody(c.req.raw, InternalChatBodySchema);
  const owner = await ownedThread(c, threadId);
  // Refused before any model work and before the stream starts, so the caller gets a status.
  if ((await c.get("api").balance()) <= 0) throw new AgentError("insufficient_credits", 402, "You are out of credits: add credits to chat again.");
  const agent = await getAgentByName(c.env.THREAD_AGENT, agentName(owner));
  const stream = await agent.chatTurn(text);
  return new Response(stream, {
    headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache", "x-accel-buffering": "no", "x-vercel-ai-ui-message-stream": "v1" },
  });
});

app.post("/internal/approval/respond", async (c) => {
  const { threadId, toolCallId, approved } = await readJsonBody(c.req.raw, ApprovalResponseBodySchema);
  const owner = await ownedThread(c, threadId);
  const agent = await getAgentByName(c.env.THREAD_AGENT, agentName(owner));
  // RPC's types cannot express the payload's free-form input, so the result is typed here.
  const answered = (await agent.answerApproval(toolCallId, approved)) as unknown as AgentResult<ApprovalView>;
  if (!answered.ok) throw new AgentError(answered.code, answered.status as 400, answered.message);
  return c.json({ approval: answered.value });
});

app.notFound((c) => c.json({ error: { code: "not_found", message: `no route ${c.req.method} ${new URL(c.req.url).pathname}` } }, 404));

app.onError((error, c) => {
  if (error instanceof HttpError) return errorResponse(error);
  console.error("agent worker error", error);
  return c.json({ error: { code: "internal_error", message: "the agent worker failed; try again" } }, 500);
});

/** The WebSocket upgrade and the SDK's HTTP routes, to the agent named from (user, thread). */
async function forwardToAgent(c: Context<AgentApp>): Promise<Response> {
  const threadId = c.req.param("threadId") ?? "";
  const owner = await ownedThread(c, threadId);
  const url = new URL(c.req.url);
  const rest = url.pathname.slice(`/agents/${THREAD_AGENT_PATH}/${threadId}`.length);
  url.pathname = `/agents/${THREAD_AGENT_PATH}/${agentName(owner)}${rest}`;
  const routed = await routeAgentRequest(new Request(url, c.req.raw), c.env);
  return routed ?? c.json({ error: { code: "not_found", message: "no such agent route" } }, 404);
}

/** The thread, checked to be the caller's by the api (404 for another user's or an unknown one). */
async function ownedThread(c: Context<AgentApp>, threadId: string): Promise<ThreadOwner> {
  if (!ThreadIdSchema.safeParse(threadId).success) throw new AgentError("not_found", 404, "no such thread");
  await c.get("api").thread(threadId);
  return { userId: c.get("userId"), threadId };
}
