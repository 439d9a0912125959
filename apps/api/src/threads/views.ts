import type { Approval, Thread } from "@openclaw-cloud/convex-client";
import type { ApprovalKind, ApprovalView, ThreadApprovalPayload, ThreadView } from "@openclaw-cloud/contracts/threads";

/** A thread as the API shows it: without its owner (always the caller). */
export function threadView({ id, title, kind, archived, createdAt, updatedAt }: Thread): ThreadView {
  return { id, title, kind, archived, createdAt, updatedAt };
}

/** An approval as the API shows it. Only this API creates them, so kind and payload have the contract's shape. */
export function approvalView(approval: Approval): ApprovalView {
  return {
    id: approval.id,
    kind: approval.kind as ApprovalKind,
    payload: approval.payload as ThreadApprovalPayload,
    status: approval.status,
    requestedBy: approval.requestedBy,
    requestedAt: approval.requestedAt,
    resolvedBy: approval.resolvedBy,
    resolvedAt: approval.resolvedAt,
  };
}
