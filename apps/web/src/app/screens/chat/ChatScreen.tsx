import { useApiData } from "../../api/use-api.ts";
import { ChatSession } from "./ChatSession.tsx";
import { SessionList } from "./SessionList.tsx";

/**
 * OpenClaw's WebChat: the gateway's sessions beside the chosen one's transcript, whose
 * composer continues it with the reply streaming in. `/chat` is the main session.
 * Loaded lazily (assistant-ui and Markdown are not needed for the first paint).
 */
export default function ChatScreen({ sessionKey }: { sessionKey: string | null }) {
  const chatKey = sessionKey ?? "main";
  const sessions = useApiData<{ result: unknown }>("/api/openclaw/sessions");
  return (
    <div className="chat-layout">
      <SessionList sessions={sessions} currentKey={chatKey} />
      <ChatSession key={chatKey} chatKey={chatKey} sessions={sessions} />
    </div>
  );
}
