import type { ThreadView } from "@openclaw-cloud/contracts/threads";
import { createContext, useContext, type ReactNode } from "react";
import { useApiData } from "./api/use-api.ts";

/** How often the thread list is read again: titles change after a first message, elsewhere too. */
const THREADS_POLL_MS = 10_000;

interface ThreadsContextValue {
  /** The open threads, newest activity first; empty while loading or when the list failed. */
  threads: ThreadView[];
  loading: boolean;
  error: unknown;
  reload: () => Promise<void>;
}

const ThreadsContext = createContext<ThreadsContextValue | null>(null);

/** The person's chat threads as the sidebar and the Hatchery see them: one poll for the app. */
export function ThreadsProvider({ children }: { children: ReactNode }) {
  const { data, error, loading, reload } = useApiData<{ threads: ThreadView[] }>("/api/threads", { pollMs: THREADS_POLL_MS });
  const threads = [...(data?.threads ?? [])].filter((thread) => !thread.archived).sort((a, b) => b.updatedAt - a.updatedAt);
  return <ThreadsContext value={{ threads, loading, error, reload }}>{children}</ThreadsContext>;
}

export function useThreads(): ThreadsContextValue {
  const value = useContext(ThreadsContext);
  if (!value) throw new Error("useThreads outside ThreadsProvider");
  return value;
}
