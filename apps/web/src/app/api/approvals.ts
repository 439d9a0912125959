import type { ApprovalView, ExecApprovalDecision, ExecApprovalView } from "@openclaw-cloud/contracts/threads";
import { api } from "./http.ts";

/**
 * The two kinds of "yes or no" a person answers: the platform's (a thread's risky tool
 * call, waiting in its agent) and OpenClaw's own exec approvals (a command its agent wants to run).
 */

export const PENDING_APPROVALS_PATH = "/api/approvals?status=pending";
export const EXEC_APPROVALS_PATH = "/api/openclaw/exec-approvals";

export type PendingApprovals = { approvals: ApprovalView[] };
export type ExecApprovals = { approvals: ExecApprovalView[] };

/** Answers a thread's pending tool call; the api continues the thread server-side. */
export const resolveApproval = (approvalId: string, approved: boolean) =>
  api<{ approval: ApprovalView }>(`/api/approvals/${encodeURIComponent(approvalId)}/resolve`, { method: "POST", json: { approved } });

/** Answers one of the gateway's exec approvals with one of its decisions. */
export const resolveExecApproval = (approvalId: string, decision: ExecApprovalDecision) =>
  api<unknown>(`${EXEC_APPROVALS_PATH}/${encodeURIComponent(approvalId)}`, { method: "POST", json: { decision } });
