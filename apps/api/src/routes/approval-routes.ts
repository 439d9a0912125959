import { CreateApprovalBodySchema, ResolveApprovalBodySchema, type ApprovalResponseBody } from "@openclaw-cloud/contracts/threads";
import type { RpcArgs } from "@openclaw-cloud/convex-client/wire";
import { readJsonBody } from "@openclaw-cloud/http-kit";
import { z } from "zod";
import { postToAgent } from "../agent/agent-client.ts";
import { ApiError } from "../http/api-error.ts";
import { audit } from "../http/audit.ts";
import type { ApiApp, ApiContext } from "../http/context.ts";
import { idParam, parseParam } from "../http/params.ts";
import { approvalView } from "../threads/views.ts";
import { requireInternal, requireOwnThread } from "./thread-routes.ts";

const ListQuerySchema = z.strictObject({ status: z.enum(["pending", "approved", "rejected"]).optional() });

/** Who did it, as the approvals record and the audit log name them. */
function actorOf(c: ApiContext): string {
  const { user, via } = c.get("principal");
  return via === "internal" ? `agent-worker for ${user.id}` : `${user.id} (${user.email})`;
}

/**
 * The platform's approvals (Convex): a thread's tool call that waits for the person's
 * yes or no. The agent worker records each request; the person answers here (or in the
 * chat, in which case the agent worker records the answer it already applied).
 */
export function approvalRoutes(app: ApiApp): void {
  app.get("/api/approvals", async (c) => {
    const { status } = parseParam(ListQuerySchema, c.req.query(), "query");
    const approvals = await c.get("convex").listApprovals({ ownerId: c.get("principal").user.id, ...(status ? { status } : {}) });
    return c.json({ approvals: approvals.map(approvalView) });
  });

  app.post("/api/approvals", async (c) => {
    requireInternal(c);
    const { kind, payload } = await readJsonBody(c.req.raw, CreateApprovalBodySchema);
    // The tool call belongs to one of the user's own threads.
    const thread = await requireOwnThread(c, payload.threadId);
    const requestedBy = actorOf(c);
    // The payload came in as JSON, so it is JSON: zod's record type just cannot say so.
    const approval = await c.get("convex").createApproval({ ownerId: thread.ownerId, kind, payload: payload as RpcArgs<"createApproval">["payload"], requestedBy });
    // Who asked: the agent worker, for this user, from this thread's tool call.
    await c.get("convex").appendAudit({
      actor: requestedBy,
      action: "approval.request",
      target: approval.id,
      details: { ownerId: thread.ownerId, kind, threadId: thread.id, toolCallId: payload.toolCallId, toolName: payload.toolName },
    });
    return c.json({ approval: approvalView(approval) }, 201);
  });

  app.post("/api/approvals/:approvalId/resolve", async (c) => {
    const approvalId = idParam(c.req.param("approvalId"), "approvalId");
    const { approved } = await readJsonBody(c.req.raw, ResolveApprovalBodySchema);
    const convex = c.get("convex");
    const { user, via } = c.get("principal");
    const pending = await convex.getApproval({ ownerId: user.id, approvalId });
    if (!pending) throw new ApiError("not_found", 404, "no such approval");
    if (pending.status !== "pending") throw new ApiError("conflict", 409, `this approval is already ${pending.status}`);
    if (via !== "internal") {
      // A person's answer goes to the waiting thread first: if the thread cannot take it,
      // nothing is recorded and the person can answer again. The agent worker records the
      // answer it applies (through this route, with the internal key), so it is usually
      // resolved by the time the thread says yes; otherwise it is recorded here.
      await deliverToThread(c, approvalView(pending).payload, approved);
      // Who answered, whichever side records the decision.
      await audit(c, "approval.answer", approvalId, { approved, threadId: approvalView(pending).payload.threadId });
      const delivered = await convex.getApproval({ ownerId: user.id, approvalId });
      if (delivered && delivered.status !== "pending") return c.json({ approval: approvalView(delivered) });
    }
    const resolved = await convex.resolveApproval({ ownerId: user.id, approvalId, approved, resolvedBy: actorOf(c) });
    return c.json({ approval: approvalView(resolved) });
  });
}

async function deliverToThread(c: ApiContext, payload: { threadId: string; toolCallId: string }, approved: boolean): Promise<void> {
  const body: ApprovalResponseBody = { threadId: payload.threadId, toolCallId: payload.toolCallId, approved };
  const response = await postToAgent(c.env, c.get("principal").user.workosUserId, "/internal/approval/respond", body);
  if (response.ok) return;
  const message = await agentErrorMessage(response);
  if (response.status === 404 || response.status === 409) {
    throw new ApiError("conflict", 409, `the thread no longer waits for this answer: ${message}`);
  }
  console.error("agent refused an approval answer", response.status, message);
  throw new ApiError("agent_unavailable", 502, "the chat service did not take the answer");
}

async function agentErrorMessage(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: { message?: unknown } };
    return typeof body.error?.message === "string" ? body.error.message : `status ${response.status}`;
  } catch {
    return `status ${response.status}`;
  }
}
