import type { ThreadView } from "@openclaw-cloud/contracts/threads";
import { useState } from "react";
import { ErrorNotice } from "../../../components/ErrorNotice.tsx";
import { formatDateTime } from "../../../components/format.ts";
import { RenameThreadForm } from "../../../components/threads/RenameThreadForm.tsx";
import { threadPath } from "../../../components/threads/thread-paths.ts";
import { useThreadActions } from "../../../components/threads/use-thread-actions.ts";
import { Link } from "../../../router.tsx";

/** A chat: when it started and was last active, what waits in it; open, rename, archive. */
export function ThreadInspector({ thread, pendingApprovals }: { thread: ThreadView; pendingApprovals: number }) {
  const actions = useThreadActions();
  const [renaming, setRenaming] = useState(false);
  return (
    <>
      <dl className="kv">
        <dt>Started</dt>
        <dd>{formatDateTime(thread.createdAt)}</dd>
        <dt>Last active</dt>
        <dd>{formatDateTime(thread.updatedAt)}</dd>
        <dt>Waiting for you</dt>
        <dd>{pendingApprovals === 0 ? "nothing" : `${pendingApprovals} approval${pendingApprovals === 1 ? "" : "s"}`}</dd>
      </dl>
      {renaming ? (
        <RenameThreadForm
          title={thread.title}
          onSave={(title) => actions.rename.run(thread.id, title)}
          onDone={() => setRenaming(false)}
          pending={actions.rename.pending}
          error={actions.rename.error}
        />
      ) : (
        <div className="row">
          <Link to={threadPath(thread.id)} className="button button-primary">
            Open chat
          </Link>
          <button type="button" className="button" onClick={() => setRenaming(true)}>
            Rename
          </button>
          <button type="button" className="button" onClick={() => void actions.archive.run(thread.id)} disabled={actions.archive.pending}>
            {actions.archive.pending ? "Archiving…" : "Archive"}
          </button>
        </div>
      )}
      <ErrorNotice error={actions.archive.error} />
    </>
  );
}

/** No chats yet: start one. */
export function NewThreadInspector() {
  const { create } = useThreadActions();
  return (
    <>
      <p>A chat with your agent. It answers as it thinks and can use your OpenClaw for you: list its sessions, check its devices, back it up. Anything risky waits for your yes.</p>
      <button type="button" className="button button-primary" onClick={() => void create.run()} disabled={create.pending}>
        {create.pending ? "Creating…" : "New chat"}
      </button>
      <ErrorNotice error={create.error} />
    </>
  );
}
