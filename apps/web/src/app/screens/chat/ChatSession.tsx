import { AssistantRuntimeProvider, useLocalRuntime, type ThreadMessageLike } from "@assistant-ui/react";
import { useMemo } from "react";
import type { ApiData } from "../../api/use-api.ts";
import { useApiData } from "../../api/use-api.ts";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { Spinner } from "../../components/Spinner.tsx";
import { useInstanceState } from "../../instance.tsx";
import { waitingLabel } from "../../wake.ts";
import { openClawChatAdapter } from "./chat-adapter.ts";
import { ChatThread } from "./ChatThread.tsx";
import { TurnEndWatcher } from "./TurnEndWatcher.tsx";
import { historyOf } from "./session-history.ts";
import { sessionItemsOf } from "./session-list.ts";

/** One session: its transcript from the gateway, then a live thread that continues it. */
export function ChatSession({ chatKey, sessions }: { chatKey: string; sessions: ApiData<{ result: unknown }> }) {
  const history = useApiData<{ result: unknown }>(`/api/openclaw/sessions/${encodeURIComponent(chatKey)}/history`);
  const instanceState = useInstanceState();
  const item = sessions.data ? sessionItemsOf(sessions.data.result).find((entry) => entry.chatKey === chatKey) : undefined;
  const title = item?.title ?? (chatKey === "main" ? "Main session" : "New chat");
  const view = useMemo(() => (history.data ? historyOf(history.data.result) : null), [history.data]);
  // The gateway's refusal matters only for a session it listed when the history came: a new
  // chat is "not found" until its first turn, and then appears in the list.
  // biome-ignore lint/correctness/useExhaustiveDependencies: taken when the history loads, not whenever the list changes (see above)
  const listedWhenLoaded = useMemo(() => item !== undefined, [history.data]);
  const fromChannel = item?.group === "channel";

  return (
    <section className="chat-main" aria-labelledby="chat-title">
      <header className="chat-header">
        <h1 id="chat-title">{title}</h1>
        <span className="muted small mono">{chatKey}</span>
      </header>
      {fromChannel ? (
        <p className="notice notice-info small">
          This conversation happens in {item.channel}. You can read it here; replies are sent from {item.channel}.
        </p>
      ) : null}
      {view?.problem && listedWhenLoaded ? <p className="notice notice-warning small">Your OpenClaw did not show this session's history: {view.problem}</p> : null}
      <ErrorNotice error={history.error} onRetry={() => void history.reload()} />
      {!view && history.loading && !history.error ? <Spinner label={waitingLabel(instanceState, "Loading the conversation…")} /> : null}
      {view ? <LiveThread chatKey={chatKey} initialMessages={view.messages} canSend={!fromChannel} title={title} onTurnEnd={() => void sessions.reload()} /> : null}
    </section>
  );
}

/** assistant-ui's local runtime over the gateway's chat stream, starting from the transcript. */
function LiveThread(props: { chatKey: string; initialMessages: ThreadMessageLike[]; canSend: boolean; title: string; onTurnEnd: () => void }) {
  const adapter = useMemo(() => openClawChatAdapter(props.chatKey), [props.chatKey]);
  const runtime = useLocalRuntime(adapter, { initialMessages: props.initialMessages });
  return (
    <AssistantRuntimeProvider runtime={runtime}>
      <TurnEndWatcher onTurnEnd={props.onTurnEnd} />
      <ChatThread canSend={props.canSend} title={props.title} />
    </AssistantRuntimeProvider>
  );
}
