/**
 * What the website, the api worker and the agent worker say to each other about durable
 * chat threads and their approvals (docs/api.md). The api owns the thread index and the
 * approvals record (Convex); the agent worker owns each thread's messages (its Durable
 * Object's SQLite).
 */
import { z } from "zod";

/** The title a thread has until its first message names it. */
export const DEFAULT_THREAD_TITLE = "New chat";
export const THREAD_TITLE_MAX = 120;

/** The agent class's path segment: `/agents/thread-agent/<threadId>` (the Agents SDK's kebab-case name). */
export const THREAD_AGENT_PATH = "thread-agent";

/** Convex document ids: letters and digits only, so they are safe in a path and in an agent's name. */
export const ThreadIdSchema = z.string().regex(/^[a-z0-9]{10,64}$/, "not a thread id");

export const CreateThreadBodySchema = z.strictObject({
  title: z.string().trim().min(1).max(THREAD_TITLE_MAX).optional(),
});

export const UpdateThreadBodySchema = z
  .strictObject({
    title: z.string().trim().min(1).max(THREAD_TITLE_MAX).optional(),
    archived: z.boolean().optional(),
  })
  .refine((body) => body.title !== undefined || body.archived !== undefined, "nothing to change: send title or archived");

/** The agent worker reports each finished turn: the api debits its usage and bumps the thread. */
export const ThreadTurnBodySchema = z.strictObject({
  /**
   * The turn's own id (e.g. the assistant message id). When given, a retried report debits
   * once: it is the ledger entry's reference. Without it every report debits.
   */
  turnId: z.string().min(1).max(200).optional(),
  /** The user's message that started the turn; names a thread still called DEFAULT_THREAD_TITLE. */
  userText: z.string().max(20_000),
  model: z.string().min(1).max(200),
  usage: z.strictObject({
    inputTokens: z.number().int().min(0),
    outputTokens: z.number().int().min(0),
  }),
});
export type ThreadTurnBody = z.infer<typeof ThreadTurnBodySchema>;

/** The actions a thread's tools take only after the person said yes. */
export const APPROVAL_KINDS = ["provision", "restart", "restore", "device_approve", "pairing_approve", "session_send"] as const;
export const ApprovalKindSchema = z.enum(APPROVAL_KINDS);
export type ApprovalKind = z.infer<typeof ApprovalKindSchema>;

/**
 * The thread tools that wait for a person's yes, with the approvals record's kind and the
 * one sentence the person reads before answering: the agent worker gates its tools by it,
 * the website words its approval cards by it.
 */
const APPROVAL_POLICY: Record<string, { kind: ApprovalKind; summary: (input: Record<string, unknown>) => string }> = {
  openclaw_provision: { kind: "provision", summary: () => "Create your OpenClaw instance with the platform's default model." },
  openclaw_restart: { kind: "restart", summary: () => "Restart your OpenClaw gateway (chats pause for a few seconds)." },
  backup_restore: { kind: "restore", summary: (input) => `Restore your OpenClaw from ${typeof input.id === "string" ? `backup ${input.id}` : "its newest backup"}.` },
  device_approve: { kind: "device_approve", summary: (input) => `Pair device request ${String(input.requestId)} with your OpenClaw.` },
  pairing_approve: { kind: "pairing_approve", summary: (input) => `Let the ${String(input.channel)} sender of pairing request ${String(input.requestId)} message your OpenClaw.` },
  session_send: { kind: "session_send", summary: (input) => `Send "${truncate(String(input.message), 200)}" into OpenClaw session ${truncate(String(input.sessionKey), 100)}.` },
};

/** Whether a call of `toolName` waits for the person's yes. */
export function toolNeedsApproval(toolName: string): boolean {
  return Object.hasOwn(APPROVAL_POLICY, toolName);
}

/** The approvals record's kind and summary for a call of `toolName`, or null when it needs no approval. */
export function approvalRequestOf(toolName: string, input: Record<string, unknown>): { kind: ApprovalKind; summary: string } | null {
  const policy = Object.hasOwn(APPROVAL_POLICY, toolName) ? APPROVAL_POLICY[toolName] : undefined;
  return policy ? { kind: policy.kind, summary: policy.summary(input) } : null;
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** What a pending tool call waiting for a yes or no records about itself. */
export const ThreadApprovalPayloadSchema = z.strictObject({
  threadId: ThreadIdSchema,
  toolCallId: z.string().min(1).max(200),
  toolName: z.string().min(1).max(100),
  /** The tool's input as the model gave it (bounded JSON). */
  input: z.record(z.string(), z.unknown()),
  /** One sentence for the person: what will happen if they say yes. */
  summary: z.string().min(1).max(500),
});
export type ThreadApprovalPayload = z.infer<typeof ThreadApprovalPayloadSchema>;

export const CreateApprovalBodySchema = z.strictObject({
  kind: ApprovalKindSchema,
  payload: ThreadApprovalPayloadSchema,
});

export const ResolveApprovalBodySchema = z.strictObject({ approved: z.boolean() });

/** The agent worker's `/internal/approval/respond`: the person's answer to one pending tool call. */
export const ApprovalResponseBodySchema = z.strictObject({
  threadId: ThreadIdSchema,
  toolCallId: z.string().min(1).max(200),
  approved: z.boolean(),
});
export type ApprovalResponseBody = z.infer<typeof ApprovalResponseBodySchema>;

/** The agent worker's `/internal/chat`: one user message into a thread. */
export const InternalChatBodySchema = z.strictObject({
  threadId: ThreadIdSchema,
  text: z.string().trim().min(1).max(20_000),
});

/** OpenClaw's own exec approvals, answered with one of the gateway's decisions. */
export const ExecApprovalDecisionSchema = z.enum(["allow-once", "allow-always", "deny"]);
export type ExecApprovalDecision = z.infer<typeof ExecApprovalDecisionSchema>;
export const ResolveExecApprovalBodySchema = z.strictObject({ decision: ExecApprovalDecisionSchema });

export interface ThreadView {
  id: string;
  title: string;
  kind: "chat" | "project" | "openclaw";
  archived: boolean;
  createdAt: number;
  updatedAt: number;
}

export interface ApprovalView {
  id: string;
  kind: ApprovalKind;
  payload: ThreadApprovalPayload;
  status: "pending" | "approved" | "rejected";
  requestedBy: string;
  requestedAt: number;
  resolvedBy: string | null;
  resolvedAt: number | null;
}

export interface ExecApprovalView {
  id: string;
  /** The command the gateway's agent wants to run, as the gateway shows it. */
  command: string;
  /** Where it would run and for which agent session, when the gateway says. */
  cwd: string | null;
  sessionKey: string | null;
  createdAt: number;
  expiresAt: number | null;
}
