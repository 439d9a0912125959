import { useCallback } from "react";
import { createThread, updateThread } from "../../api/threads.ts";
import { useAction } from "../../api/use-api.ts";
import { navigate, useLocation } from "../../router.tsx";
import { useThreads } from "../../threads.tsx";
import { threadPath } from "./thread-paths.ts";

/**
 * What can be done with threads from anywhere (the sidebar, the Hatchery's inspector):
 * each action refreshes the shared list, so every place shows the same titles.
 */
export function useThreadActions() {
  const { reload } = useThreads();
  const { path } = useLocation();
  const create = useAction(
    useCallback(async () => {
      const { thread } = await createThread();
      await reload();
      navigate(threadPath(thread.id));
      return thread;
    }, [reload]),
  );
  const rename = useAction(
    useCallback(
      async (threadId: string, title: string) => {
        const { thread } = await updateThread(threadId, { title });
        await reload();
        return thread;
      },
      [reload],
    ),
  );
  const archive = useAction(
    useCallback(
      async (threadId: string) => {
        const { thread } = await updateThread(threadId, { archived: true });
        await reload();
        // An archived thread leaves the list; its page would show a chat that is no longer listed.
        if (path === threadPath(threadId)) navigate("/");
        return thread;
      },
      [reload, path],
    ),
  );
  return { create, rename, archive };
}
