import type { ApprovalView, CreateApprovalBodySchema, ThreadTurnBody, ThreadView } from "@openclaw-cloud/contracts/threads";
import type { z } from "zod";
import { AgentError, type AgentErrorCode } from "./errors.ts";

/** Codes of the api's that mean the same here; anything else from a 4xx is passed on as invalid_request. */
const PASSED_ON: ReadonlySet<string> = new Set<AgentErrorCode>(["unauthorized", "forbidden", "waitlist", "not_found", "conflict", "insufficient_credits", "invalid_request"]);

/**
 * The api worker acting as one user: every call carries the internal key and that user's
 * id, so the api applies its own access checks and the user's tenant, never another's.
 */
export class UserApi {
  readonly #api: Fetcher;
  readonly #headers: Record<string, string>;

  constructor(api: Fetcher, internalKey: string, userId: string) {
    this.#api = api;
    this.#headers = { "x-oa-internal-key": internalKey, "x-oa-user-id": userId };
  }

  /** The raw answer, for streamed bodies (NDJSON stages, SSE). */
  async fetch(path: string, init: { method?: string; json?: unknown; accept?: string } = {}): Promise<Response> {
    const headers: Record<string, string> = { ...this.#headers };
    if (init.json !== undefined) headers["content-type"] = "application/json";
    if (init.accept) headers.accept = init.accept;
    const body = init.json !== undefined ? JSON.stringify(init.json) : null;
    try {
      return await this.#api.fetch(new Request(`https://api.internal${path}`, { method: init.method ?? "GET", headers, body }));
    } catch (error) {
      throw new AgentError("api_unavailable", 502, `the api did not answer: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** The answer's JSON, or an AgentError carrying the api's code and message. */
  async json<T>(path: string, init: { method?: string; json?: unknown } = {}): Promise<T> {
    const response = await this.fetch(path, init);
    if (!response.ok) throw await apiError(response);
    return (await response.json()) as T;
  }

  thread(threadId: string): Promise<{ thread: ThreadView }> {
    return this.json(`/api/threads/${threadId}`);
  }

  /** The user's credits, read with their record in the api's one authentication call. */
  async balance(): Promise<number> {
    return (await this.json<{ balance: number }>("/api/me")).balance;
  }

  /** Debits the turn; answers the balance after it. */
  async reportTurn(threadId: string, turn: ThreadTurnBody): Promise<number> {
    return (await this.json<{ balance: number }>(`/api/threads/${threadId}/turns`, { method: "POST", json: turn })).balance;
  }

  requestApproval(body: z.infer<typeof CreateApprovalBodySchema>): Promise<{ approval: ApprovalView }> {
    return this.json("/api/approvals", { method: "POST", json: body });
  }

  resolveApproval(approvalId: string, approved: boolean): Promise<{ approval: ApprovalView }> {
    return this.json(`/api/approvals/${encodeURIComponent(approvalId)}/resolve`, { method: "POST", json: { approved } });
  }
}

/** The api's JSON error as an AgentError: its 4xx codes kept, its failures a 502. */
export async function apiError(response: Response): Promise<AgentError> {
  const text = await response.text().catch(() => "");
  let error: { code?: unknown; message?: unknown } = {};
  try {
    error = (JSON.parse(text) as { error?: typeof error }).error ?? {};
  } catch {
    // Not the api's JSON error shape: described by status below.
  }
  const message = typeof error.message === "string" ? error.message : `the api answered ${response.status}`;
  const code = typeof error.code === "string" ? error.code : "";
  if (response.status >= 500) return new AgentError("api_unavailable", 502, `the api failed: ${message}`, code ? { apiCode: code } : undefined);
  if (PASSED_ON.has(code)) return new AgentError(code as AgentErrorCode, response.status as 400, message);
  return new AgentError("invalid_request", 400, message, code ? { apiCode: code } : undefined);
}
