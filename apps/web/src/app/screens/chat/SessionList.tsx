import type { ApiData } from "../../api/use-api.ts";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { Spinner } from "../../components/Spinner.tsx";
import { Link, navigate } from "../../router.tsx";
import { chatPath } from "./chat-paths.ts";
import { relativeTime } from "./relative-time.ts";
import { groupSessions, newChatKey, sessionItemsOf } from "./session-list.ts";

/** The gateway's sessions, grouped, with the one on screen marked, and "New chat". */
export function SessionList({ sessions, currentKey }: { sessions: ApiData<{ result: unknown }>; currentKey: string }) {
  const items = sessions.data ? sessionItemsOf(sessions.data.result) : [];
  const sections = groupSessions(items);
  return (
    <nav className="chat-sessions" aria-label="Sessions">
      <button type="button" className="button button-primary button-wide" onClick={() => navigate(chatPath(newChatKey()))}>
        New chat
      </button>
      <ErrorNotice error={sessions.error} onRetry={() => void sessions.reload()} />
      {!sessions.data && sessions.loading && !sessions.error ? <Spinner label="Loading sessions…" /> : null}
      {sessions.data && sections.length === 0 ? <p className="muted small">No sessions yet. Your first message starts one.</p> : null}
      {sections.map((section) => (
        <section key={section.group} aria-label={section.label}>
          <h2 className="chat-sessions-heading">{section.label}</h2>
          <ul className="chat-session-list">
            {section.items.map((item) => {
              const current = item.chatKey === currentKey;
              return (
                <li key={item.listKey}>
                  <Link to={chatPath(item.chatKey)} className={current ? "chat-session chat-session-current" : "chat-session"} aria-current={current ? "page" : undefined}>
                    <span className="chat-session-title">{item.title}</span>
                    <span className="chat-session-meta">
                      {item.group === "channel" && item.channel ? `${item.channel} · ` : ""}
                      {item.updatedAt ? relativeTime(item.updatedAt, Date.now()) : "no activity yet"}
                    </span>
                    {item.preview ? <span className="chat-session-preview">{item.preview}</span> : null}
                  </Link>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </nav>
  );
}
