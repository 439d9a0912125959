import type { UIMessage } from "ai";
import { z } from "zod";
import { InternalChatBodySchema } from "@openclaw-cloud/contracts/threads";

/** The Agents SDK's chat frames this worker reads before the SDK does (wire names from `agents/chat`). */
export const CHAT_REQUEST_FRAME = "cf_agent_use_chat_request";
export const CHAT_RESPONSE_FRAME = "cf_agent_use_chat_response";
export const TOOL_APPROVAL_FRAME = "cf_agent_tool_approval";
/** Our answer to a frame we could not take: `{ type, error: { code, message } }`. */
export const ERROR_FRAME = "openclaw_error";

export const ToolApprovalFrameSchema = z.looseObject({
  type: z.literal(TOOL_APPROVAL_FRAME),
  toolCallId: z.string().min(1).max(200),
  approved: z.boolean(),
});

const ChatRequestFrameSchema = z.looseObject({
  type: z.literal(CHAT_REQUEST_FRAME),
  id: z.string().min(1).max(200),
  init: z.looseObject({ method: z.literal("POST"), body: z.string() }),
});

const UserText = InternalChatBodySchema.shape.text;
const ClientMessageSchema = z.looseObject({ id: z.string().min(1).max(200), role: z.string(), parts: z.array(z.looseObject({ type: z.string() })) });
const NewUserMessageSchema = z.looseObject({
  id: z.string().min(1).max(200),
  role: z.literal("user"),
  parts: z
    .array(z.looseObject({ type: z.literal("text"), text: UserText }))
    .min(1)
    .max(20),
});
const ChatRequestBodySchema = z.looseObject({ messages: z.array(ClientMessageSchema).max(10_000) });

export type FrameCheck = { ok: true; frame: string } | { ok: false; requestId?: string; message: string };

/**
 * A chat request from a browser, rewritten so that the client can only add user
 * messages: the SDK would otherwise persist whatever transcript the client sends,
 * including assistant tool parts marked approved, and run those tools without a
 * recorded yes. The transcript is the server's; the client's new user messages follow it.
 */
export function screenChatRequest(parsed: unknown, transcript: readonly UIMessage[]): FrameCheck {
  const frame = ChatRequestFrameSchema.safeParse(parsed);
  if (!frame.success) return { ok: false, message: `chat request: ${issueOf(frame.error)}` };
  const requestId = frame.data.id;
  let body: unknown;
  try {
    body = JSON.parse(frame.data.init.body);
  } catch {
    return { ok: false, requestId, message: "chat request: body is not valid JSON" };
  }
  const request = ChatRequestBodySchema.safeParse(body);
  if (!request.success) return { ok: false, requestId, message: `chat request: ${issueOf(request.error)}` };
  const known = new Set(transcript.map((message) => message.id));
  const added = request.data.messages.filter((message) => !known.has(message.id));
  if (added.length === 0) return { ok: false, requestId, message: "chat request: no new user message" };
  const newMessages: UIMessage[] = [];
  for (const message of added) {
    const checked = NewUserMessageSchema.safeParse(message);
    if (!checked.success) return { ok: false, requestId, message: `chat request: a new message must be the person's text (${issueOf(checked.error)})` };
    newMessages.push({ id: checked.data.id, role: "user", parts: checked.data.parts.map((part) => ({ type: "text", text: part.text })) });
  }
  const rewritten = { ...request.data, messages: [...transcript, ...newMessages] };
  return { ok: true, frame: JSON.stringify({ ...frame.data, init: { ...frame.data.init, body: JSON.stringify(rewritten) } }) };
}

function issueOf(error: z.ZodError): string {
  const issue = error.issues[0];
  return `${issue?.path.length ? `${issue.path.join(".")}: ` : ""}${issue?.message ?? "invalid"}`;
}
