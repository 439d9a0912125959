import type { ApprovalKind } from "@openclaw-cloud/contracts/threads";

/**
 * The tools that wait for a person's yes (their `needsApproval`), with the approvals
 * record's kind and the one sentence the person reads before answering.
 */
const APPROVAL_POLICY: Record<string, { kind: ApprovalKind; summary: (input: Record<string, unknown>) => string }> = {
  openclaw_provision: { kind: "provision", summary: () => "Create your OpenClaw instance with the platform's default model." },
  openclaw_restart: { kind: "restart", summary: () => "Restart your OpenClaw gateway (chats pause for a few seconds)." },
  backup_restore: { kind: "restore", summary: (input) => `Restore your OpenClaw from ${typeof input.id === "string" ? `backup ${input.id}` : "its newest backup"}.` },
  device_approve: { kind: "device_approve", summary: (input) => `Pair device request ${String(input.requestId)} with your OpenClaw.` },
  pairing_approve: { kind: "pairing_approve", summary: (input) => `Let the ${String(input.channel)} sender of pairing request ${String(input.requestId)} message your OpenClaw.` },
  session_send: { kind: "session_send", summary: (input) => `Send "${truncate(String(input.message), 200)}" into OpenClaw session ${truncate(String(input.sessionKey), 100)}.` },
};

/** The approvals record's kind and summary for a call of `toolName`, or null when it needs no approval. */
export function approvalRequestOf(toolName: string, input: Record<string, unknown>): { kind: ApprovalKind; summary: string } | null {
  const policy = APPROVAL_POLICY[toolName];
  return policy ? { kind: policy.kind, summary: policy.summary(input) } : null;
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
