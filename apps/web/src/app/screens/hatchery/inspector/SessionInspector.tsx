import { formatDateTime } from "../../../components/format.ts";
import { Link } from "../../../router.tsx";
import { chatPath } from "../../chat/chat-paths.ts";
import type { SessionItem } from "../../chat/session-list.ts";

/** One of the gateway's sessions: its key, channel, last activity and message; open it in the WebChat. */
export function SessionInspector({ session }: { session: SessionItem }) {
  return (
    <>
      <dl className="kv">
        <dt>Key</dt>
        <dd className="mono">{session.listKey}</dd>
        <dt>Channel</dt>
        <dd>{session.channel ?? "—"}</dd>
        <dt>Last active</dt>
        <dd>{session.updatedAt ? formatDateTime(session.updatedAt) : "—"}</dd>
      </dl>
      {session.preview ? <blockquote className="inspector-quote">{session.preview}</blockquote> : null}
      <Link to={chatPath(session.chatKey)} className="button button-primary">
        Open in Chat
      </Link>
    </>
  );
}
