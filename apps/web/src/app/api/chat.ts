import { api, apiResponse } from "./http.ts";

/**
 * The gateway's own sessions and chat (docs/api.md, "The gateway"). Their answers are the
 * gateway's tool results, passed through; screens/chat maps them to what is shown.
 */

/** `sessions_list` of the person's gateway (its raw tool result). */
export const listSessions = () => api<{ result: unknown }>("/api/openclaw/sessions");

/** `sessions_history` of one session, by its key as the list names it (`agent:main:main`). */
export const getSessionHistory = (sessionKey: string) => api<{ result: unknown }>(`/api/openclaw/sessions/${encodeURIComponent(sessionKey)}/history`);

/**
 * One chat turn in a session (`main`, `webchat-…`), answered as the gateway's OpenResponses
 * stream (`text/event-stream`); aborting `signal` ends the request, and the gateway stops the run.
 */
export const streamChatTurn = (request: { message: string; sessionKey: string }, signal?: AbortSignal) =>
  apiResponse("/api/openclaw/chat", { method: "POST", json: request, headers: { accept: "text/event-stream" }, ...(signal ? { signal } : {}) });
