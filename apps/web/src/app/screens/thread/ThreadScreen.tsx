import type { ThreadView } from "@openclaw-cloud/contracts/threads";
import { ApiProblem } from "../../api/http.ts";
import { useApiData } from "../../api/use-api.ts";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { Spinner } from "../../components/Spinner.tsx";
import { Link } from "../../router.tsx";
import { useThreads } from "../../threads.tsx";
import { ThreadConversation } from "./ThreadConversation.tsx";

/**
 * `/t/:threadId`: one durable chat thread with the agent. The thread is looked up in the
 * api first, so an unknown or foreign id reads as such instead of a socket that never
 * opens. Loaded lazily (assistant-ui, the Agents SDK client and Markdown).
 */
export default function ThreadScreen({ threadId }: { threadId: string }) {
  const found = useApiData<{ thread: ThreadView }>(`/api/threads/${encodeURIComponent(threadId)}`);
  const listed = useThreads().threads.find((thread) => thread.id === threadId);
  const title = listed?.title ?? found.data?.thread.title ?? "Chat";
  if (found.error instanceof ApiProblem && (found.error.status === 404 || found.error.status === 400)) {
    return (
      <section className="page" aria-labelledby="thread-title">
        <h1 id="thread-title">Chat not found</h1>
        <p className="notice notice-warning">There is no chat at this address, or it is not yours. It may have been removed.</p>
        <p>
          <Link to="/">Back to the Hatchery</Link>
        </p>
      </section>
    );
  }
  return (
    <section className="chat-main thread-main" aria-labelledby="chat-title">
      <header className="chat-header">
        <h1 id="chat-title">{title}</h1>
        {found.data?.thread.archived ? <span className="badge">Archived</span> : null}
      </header>
      <ErrorNotice error={found.error} onRetry={() => void found.reload()} />
      {found.data ? <ThreadConversation key={threadId} threadId={threadId} title={title} /> : found.loading ? <Spinner label="Opening the chat…" /> : null}
    </section>
  );
}
