import { AssistantRuntimeProvider } from "@assistant-ui/react";
import { useAISDKRuntime } from "@assistant-ui/react-ai-sdk";
import { useAgentChat } from "@cloudflare/ai-chat/react";
import { THREAD_AGENT_PATH } from "@openclaw-cloud/contracts/threads";
import { useAgent } from "agents/react";
import { Suspense, useMemo } from "react";
import { ApiProblem } from "../../api/http.ts";
import { ExecApprovalList } from "../../components/approvals/ExecApprovalList.tsx";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { Spinner } from "../../components/Spinner.tsx";
import { useThreads } from "../../threads.tsx";
import { ChatThread } from "../chat/ChatThread.tsx";
import { TurnEndWatcher } from "../chat/TurnEndWatcher.tsx";
import { ThreadToolsContext, toolPartsOf } from "./tool-parts.tsx";
import { ToolCard } from "./ToolCard.tsx";

/** A thread's socket closed or never opened: one sentence, while the SDK reconnects. */
const CONNECTION_LOST = new ApiProblem("connection_lost", 0, "the chat's connection closed");

/**
 * The live thread: the Agents SDK chat agent over its WebSocket (`/agents/thread-agent/<id>`,
 * the server picks the person's own agent), through assistant-ui. The agent keeps the
 * messages, so a reload shows the same thread; its stream paints as it arrives.
 */
export function ThreadConversation({ threadId, title }: { threadId: string; title: string }) {
  const agent = useAgent({ agent: THREAD_AGENT_PATH, name: threadId });
  // useAgentChat suspends while it reads the stored messages; its own boundary keeps the
  // socket above it open (a boundary higher up would unmount the socket and start again).
  return (
    <Suspense fallback={<Spinner label="Loading the conversation…" />}>
      <LiveThread agent={agent} title={title} />
    </Suspense>
  );
}

function LiveThread({ agent, title }: { agent: Parameters<typeof useAgentChat>[0]["agent"]; title: string }) {
  const chat = useAgentChat({ agent });
  const runtime = useAISDKRuntime(chat);
  const { reload: reloadThreads } = useThreads();
  const tools = useMemo(
    () => ({ parts: toolPartsOf(chat.messages), respond: (id: string, approved: boolean) => chat.addToolApprovalResponse({ id, approved }) }),
    [chat.messages, chat.addToolApprovalResponse],
  );
  return (
    <AssistantRuntimeProvider runtime={runtime}>
      <ThreadToolsContext value={tools}>
        <TurnEndWatcher onTurnEnd={() => void reloadThreads()} />
        {chat.connectionError ? <ErrorNotice error={CONNECTION_LOST} /> : null}
        <ChatThread canSend title={title} toolCard={ToolCard} aboveComposer={<ExecApprovalList />} />
        <ErrorNotice error={chat.error ? new ApiProblem("turn_failed", 0, chat.error.message) : null} />
      </ThreadToolsContext>
    </AssistantRuntimeProvider>
  );
}
