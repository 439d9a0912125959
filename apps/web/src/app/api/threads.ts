import type { ThreadView } from "@openclaw-cloud/contracts/threads";
import { api } from "./http.ts";

/**
 * The person's durable chat threads (docs/api.md, "Threads"): the index lives in the api;
 * each thread's messages live in its agent, reached over `/agents/thread-agent/<id>`.
 */

/** The open threads, or the archived ones. */
export const listThreads = (archived = false) => api<{ threads: ThreadView[] }>(`/api/threads${archived ? "?archived=true" : ""}`);

/** A new thread, titled "New chat" until its first message names it. */
export const createThread = (title?: string) => api<{ thread: ThreadView }>("/api/threads", { method: "POST", json: title ? { title } : {} });

export const getThread = (threadId: string) => api<{ thread: ThreadView }>(`/api/threads/${encodeURIComponent(threadId)}`);

/** Renames and/or archives (or brings back) a thread. */
export const updateThread = (threadId: string, change: { title?: string; archived?: boolean }) =>
  api<{ thread: ThreadView }>(`/api/threads/${encodeURIComponent(threadId)}`, { method: "PATCH", json: change });
