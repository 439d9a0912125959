import type { ThreadView } from "@openclaw-cloud/contracts/threads";
import { useState } from "react";
import { Link, useLocation } from "../../router.tsx";
import { useThreads } from "../../threads.tsx";
import { ErrorNotice } from "../ErrorNotice.tsx";
import { RenameThreadForm } from "./RenameThreadForm.tsx";
import { threadPath } from "./thread-paths.ts";
import { useThreadActions } from "./use-thread-actions.ts";

/** The sidebar's "Chats": New chat, then each thread (the open one highlighted) with Rename and Archive. */
export function ThreadList() {
  const { threads, error, loading } = useThreads();
  const actions = useThreadActions();
  const { path } = useLocation();
  return (
    <section className="sidebar-section" aria-labelledby="chats-title">
      <div className="sidebar-section-title">
        <h2 id="chats-title">Chats</h2>
        <button type="button" className="button button-small" onClick={() => void actions.create.run()} disabled={actions.create.pending}>
          {actions.create.pending ? "Creating…" : "New chat"}
        </button>
      </div>
      <ErrorNotice error={actions.create.error} />
      {threads.length === 0 ? (
        <p className="muted small sidebar-note">{error ? "Your chats could not be loaded just now." : loading ? "Loading…" : "No chats yet."}</p>
      ) : (
        <ul className="thread-list">
          {threads.map((thread) => (
            <ThreadItem key={thread.id} thread={thread} current={path === threadPath(thread.id)} actions={actions} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ThreadItem({ thread, current, actions }: { thread: ThreadView; current: boolean; actions: ReturnType<typeof useThreadActions> }) {
  const [renaming, setRenaming] = useState(false);
  if (renaming) {
    return (
      <li className="thread-item">
        <RenameThreadForm
          title={thread.title}
          onSave={(title) => actions.rename.run(thread.id, title)}
          onDone={() => {
            actions.rename.clearError();
            setRenaming(false);
          }}
          pending={actions.rename.pending}
          error={actions.rename.error}
        />
      </li>
    );
  }
  return (
    <li className={current ? "thread-item thread-item-current" : "thread-item"}>
      <Link to={threadPath(thread.id)} className="thread-link" aria-current={current ? "page" : undefined} title={thread.title}>
        {thread.title}
      </Link>
      <span className="thread-actions">
        <button type="button" className="icon-button" aria-label={`Rename ${thread.title}`} title="Rename" onClick={() => setRenaming(true)}>
          ✎
        </button>
        <button type="button" className="icon-button" aria-label={`Archive ${thread.title}`} title="Archive" onClick={() => void actions.archive.run(thread.id)} disabled={actions.archive.pending}>
          ⤓
        </button>
      </span>
    </li>
  );
}
