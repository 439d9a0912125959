import type { ThreadView } from "@openclaw-cloud/contracts/threads";
import { threadPath } from "../../../components/threads/thread-paths.ts";
import { Link } from "../../../router.tsx";
import { chatPath } from "../../chat/chat-paths.ts";
import { relativeTime } from "../../chat/relative-time.ts";
import type { SessionItem } from "../../chat/session-list.ts";

/** The chats past the canvas's column: each one a link, most recently active first. */
export function MoreThreadsInspector({ threads }: { threads: ThreadView[] }) {
  const now = Date.now();
  return <MoreList items={threads.map((thread) => ({ key: thread.id, to: threadPath(thread.id), title: thread.title, when: relativeTime(thread.updatedAt, now) }))} />;
}

/** The gateway's sessions past the canvas's column, each one opening in the WebChat. */
export function MoreSessionsInspector({ sessions }: { sessions: SessionItem[] }) {
  const now = Date.now();
  return (
    <MoreList items={sessions.map((session) => ({ key: session.listKey, to: chatPath(session.chatKey), title: session.title, when: session.updatedAt ? relativeTime(session.updatedAt, now) : "" }))} />
  );
}

function MoreList({ items }: { items: Array<{ key: string; to: string; title: string; when: string }> }) {
  return (
    <ul className="inspector-list">
      {items.map((item) => (
        <li key={item.key}>
          <Link to={item.to}>{item.title}</Link>
          {item.when ? <span className="muted small"> · {item.when}</span> : null}
        </li>
      ))}
    </ul>
  );
}
