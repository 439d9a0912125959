import { AIChatAgent, type ChatResponseResult, type OnChatMessageOptions } from "@cloudflare/ai-chat";
import type { Connection, WSMessage } from "agents";
import { convertToModelMessages, createUIMessageStream, createUIMessageStreamResponse, isStepCount, streamText, type LanguageModelUsage, type UIMessage } from "ai";
import { approvalRequestOf, type ApprovalView } from "@openclaw-cloud/contracts/threads";
import { ApprovalsStore, type SqlTag } from "./approvals-store.ts";
import { defaultModel, OUT_OF_CREDITS_MESSAGE, SYSTEM_PROMPT } from "./chat-model.ts";
import { CHAT_REQUEST_FRAME, CHAT_RESPONSE_FRAME, ERROR_FRAME, screenChatRequest, TOOL_APPROVAL_FRAME, ToolApprovalFrameSchema } from "./chat-frames.ts";
import type { AgentEnv } from "./env.ts";
import { AgentError, failure, type AgentResult } from "./errors.ts";
import { ResponseTap } from "./response-tap.ts";
import { ownerOfAgent, type ThreadOwner } from "./thread-name.ts";
import { lastUserText, settlePreliminaryOutputs, toolCalls, type ToolCallPart } from "./tool-parts.ts";
import { threadTools } from "./tools/index.ts";
import { UserApi } from "./user-api.ts";

const MAX_STEPS = 5;
/** How long a positive balance this thread saw is trusted for a turn's credit check (see #balance). */
const BALANCE_TRUSTED_MS = 60_000;

/** The SDK's own approval apply (what its `tool-approval` frame runs); private in its types only. */
interface ToolApprovalApply {
  _applyToolApproval(toolCallId: string, approved: boolean): Promise<boolean>;
}

/**
 * One person's chat thread: the Agents SDK persists its messages in this object's SQLite
 * and streams turns over its WebSocket; this class adds the model and tools, the credit
 * check and usage report, and the platform's approvals record for risky tools.
 * Its name comes from (user, thread) on the server (thread-name.ts), never from a client.
 */
export class ThreadAgent extends AIChatAgent<AgentEnv> {
  #approvals: ApprovalsStore | undefined;
  /** The HTTP caller's copy of the next turn, handed over inside that turn (see chatTurn). */
  #nextTurnTap: ResponseTap | null = null;
  /**
   * The credit check of the chat request that just arrived, started before the SDK persists
   * the message so the two overlap instead of adding up before the model is asked.
   */
  #creditCheck: Promise<number> | null = null;
  /** The balance as last read or left by this thread's last debit (see #balance). */
  #lastBalance: { credits: number; at: number } | null = null;

  constructor(ctx: DurableObjectState, env: AgentEnv) {
    super(ctx, env);
    const sdkOnMessage = this.onMessage;
    this.onMessage = (connection, message) => this.#screenFrame(connection, message, sdkOnMessage);
  }

  get #owner(): ThreadOwner {
    return ownerOfAgent(this.name);
  }

  get #api(): UserApi {
    return new UserApi(this.env.API, this.env.OA_INTERNAL_KEY, this.#owner.userId);
  }

  get #store(): ApprovalsStore {
    this.#approvals ??= new ApprovalsStore(this.sql.bind(this) as SqlTag);
    return this.#approvals;
  }

  async onChatMessage(_onFinish: unknown, options?: OnChatMessageOptions): Promise<Response> {
    const tap = this.#nextTurnTap;
    this.#nextTurnTap = null;
    // One id per model run (a continuation after an approval is a run of its own), so each is debited once.
    const response = await this.#turn(crypto.randomUUID(), options?.abortSignal);
    return tap ? tap.attach(response) : response;
  }

  /**
   * After each persisted turn: tool progress still flagged preliminary is stored as final
   * (and broadcast, so an open page stops showing it as running), and a tool call left
   * waiting for a yes gets its platform approval record.
   */
  protected async onChatResponse(_result: ChatResponseResult): Promise<void> {
    const settled = settlePreliminaryOutputs(this.messages);
    if (settled) await this.persistMessages(settled).catch((error) => console.error("settling tool progress failed", error));
    for (const call of toolCalls(this.messages)) {
      if (call.state === "approval-requested" && !this.#store.approvalIdOf(call.toolCallId)) await this.#recordApproval(call).catch((error) => console.error("recording an approval failed", error));
    }
  }

  /** A frame the SDK does not know (binary, not JSON, unknown type): answered, never fatal. */
  onMessage(connection: Connection, _message: WSMessage): void {
    sendError(connection, "invalid_request", "unknown frame: send the Agents SDK's chat frames");
  }

  /**
   * `/internal/chat`: one user message into the thread, its turn streamed back as the AI
   * SDK's UI message stream while the agent persists and broadcasts it like a WebSocket turn.
   */
  async chatTurn(text: string): Promise<ReadableStream<Uint8Array>> {
    const tap = new ResponseTap();
    const message: UIMessage = { id: crypto.randomUUID(), role: "user", parts: [{ type: "text", text }] };
    // The tap is handed over inside the turn (saveMessages resolves the list there), so a
    // queued WebSocket turn cannot take it.
    const turn = this.saveMessages(async (current) => {
      this.#nextTurnTap = tap;
      return [...current, message];
    });
    void this.keepAliveWhile(async () => {
      const result = await turn.catch((error: unknown) => ({ status: "error" as const, error: error instanceof Error ? error.message : String(error) }));
      await tap.close(result.status === "error" ? (result.error ?? "the turn failed") : undefined);
    });
    return tap.readable;
  }

  /**
   * The person's answer to a pending tool call (`/internal/approval/respond` or the
   * WebSocket's tool-approval frame): recorded in the platform's approvals first, then
   * applied as the SDK's own frame would, then the turn continues so the tool runs or is denied.
   */
  async answerApproval(toolCallId: string, approved: boolean): Promise<AgentResult<ApprovalView>> {
    try {
      const call = toolCalls(this.messages).find((candidate) => candidate.toolCallId === toolCallId);
      if (!call) throw new AgentError("not_found", 404, `no tool call ${toolCallId} in this thread`);
      if (call.state !== "approval-requested") throw new AgentError("conflict", 409, `tool call ${toolCallId} is not waiting for an answer (${call.state})`);
      const approvalId = this.#store.approvalIdOf(toolCallId) ?? (await this.#recordApproval(call));
      // The api resolves each approval once: a second answer, even a concurrent one, is its 409.
      const { approval } = await this.#api.resolveApproval(approvalId, approved);
      const applied = await this._enqueueInteractionApply(() => (this as unknown as ToolApprovalApply)._applyToolApproval(toolCallId, approved));
      if (!applied) throw new AgentError("conflict", 409, `tool call ${toolCallId} was answered meanwhile`);
      void this.keepAliveWhile(() => this.continueLastTurn());
      return { ok: true, value: approval };
    } catch (error) {
      if (error instanceof AgentError) return failure(error);
      throw error;
    }
  }

  async #turn(turnId: string, abortSignal: AbortSignal | undefined): Promise<Response> {
    const api = this.#api;
    const balance = this.#creditCheck ?? this.#balance();
    this.#creditCheck = null;
    if ((await balance) <= 0) return textResponse(OUT_OF_CREDITS_MESSAGE);
    const userText = lastUserText(this.messages);
    const tools = threadTools(api);
    const result = streamText({
      model: defaultModel(this.env),
      system: SYSTEM_PROMPT,
      messages: await convertToModelMessages(this.messages, { tools }),
      tools,
      stopWhen: isStepCount(MAX_STEPS),
      ...(abortSignal ? { abortSignal } : {}),
      onFinish: ({ totalUsage }) => this.#reportTurn(api, { turnId, userText }, totalUsage),
    });
    return result.toUIMessageStreamResponse();
  }

  /** The api debits the turn's usage and names a new thread; a failure here never fails the turn. */
  async #reportTurn(api: UserApi, { turnId, userText }: { turnId: string; userText: string }, usage: LanguageModelUsage): Promise<void> {
    // The turn id makes the debit's ledger reference, so a repeated report debits once.
    const turn = { turnId, userText: userText.slice(0, 20_000), model: this.env.DEFAULT_MODEL, usage: { inputTokens: usage.inputTokens ?? 0, outputTokens: usage.outputTokens ?? 0 } };
    try {
      this.#remember(await api.reportTurn(this.#owner.threadId, turn));
    } catch (error) {
      console.error("reporting a turn's usage failed", error);
    }
  }

  /**
   * The user's credits for a turn's check. A positive balance this thread saw in the last
   * minute (its last debit's, or a read) is taken as it is: a read costs the api a database
   * call before every first token. The cost is that credits spent meanwhile elsewhere (other
   * threads, the website's chat) are noticed up to a minute late, so a turn may take the
   * balance somewhat below zero; it is debited all the same. Anything else is read fresh,
   * so a user who ran out, or was just given credits, is answered right.
   */
  #balance(): Promise<number> {
    const known = this.#lastBalance;
    if (known && known.credits > 0 && Date.now() - known.at < BALANCE_TRUSTED_MS) return Promise.resolve(known.credits);
    return this.#api.balance().then((credits) => this.#remember(credits));
  }

  #remember(credits: number): number {
    this.#lastBalance = { credits, at: Date.now() };
    return credits;
  }

  async #recordApproval(call: ToolCallPart): Promise<string> {
    const request = approvalRequestOf(call.toolName, call.input);
    if (!request) throw new AgentError("conflict", 409, `tool ${call.toolName} does not take approvals`);
    const payload = { threadId: this.#owner.threadId, toolCallId: call.toolCallId, toolName: call.toolName, input: call.input, summary: request.summary };
    const { approval } = await this.#api.requestApproval({ kind: request.kind, payload });
    this.#store.remember(call.toolCallId, approval.id);
    return approval.id;
  }

  /** Reads the frames that need our checks before the SDK sees them. */
  async #screenFrame(connection: Connection, message: WSMessage, sdkOnMessage: (connection: Connection, message: WSMessage) => void | Promise<void>): Promise<void> {
    const parsed = typeof message === "string" ? parseJson(message) : undefined;
    const type = (parsed as { type?: unknown } | undefined)?.type;
    if (type === TOOL_APPROVAL_FRAME) {
      const frame = ToolApprovalFrameSchema.safeParse(parsed);
      if (!frame.success) return sendError(connection, "invalid_request", "tool approval: send toolCallId and approved");
      const answered = await this.answerApproval(frame.data.toolCallId, frame.data.approved);
      if (!answered.ok) sendError(connection, answered.code, answered.message);
      return;
    }
    if (type === CHAT_REQUEST_FRAME) {
      const screened = screenChatRequest(parsed, this.messages);
      if (!screened.ok) {
        if (screened.requestId) connection.send(JSON.stringify({ type: CHAT_RESPONSE_FRAME, id: screened.requestId, body: screened.message, done: true, error: true }));
        return sendError(connection, "invalid_request", screened.message);
      }
      this.#creditCheck = this.#balance();
      // Awaited by the turn; a failure that no turn reads must not be an unhandled rejection.
      this.#creditCheck.catch(() => {});
      return sdkOnMessage(connection, screened.frame);
    }
    return sdkOnMessage(connection, message);
  }
}

function sendError(connection: Connection, code: string, message: string): void {
  connection.send(JSON.stringify({ type: ERROR_FRAME, error: { code, message } }));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A turn answered with fixed text and no model request, in the same stream format as a model's. */
function textResponse(text: string): Response {
  const stream = createUIMessageStream({
    execute: ({ writer }) => {
      writer.write({ type: "text-start", id: "notice" });
      writer.write({ type: "text-delta", id: "notice", delta: text });
      writer.write({ type: "text-end", id: "notice" });
    },
  });
  return createUIMessageStreamResponse({ stream });
}
