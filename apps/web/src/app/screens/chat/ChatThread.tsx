import { ComposerPrimitive, MessagePrimitive, ThreadPrimitive, useAuiState, type ToolCallMessagePartComponent } from "@assistant-ui/react";
import type { ReactNode } from "react";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { MarkdownText } from "./MarkdownText.tsx";

interface ChatThreadProps {
  canSend: boolean;
  title: string;
  /** How a tool call in a reply shows (a thread's tool cards); none: tool calls are not shown. */
  toolCard?: ToolCallMessagePartComponent;
  /** Shown between the transcript and the composer (e.g. approvals waiting for the person). */
  aboveComposer?: ReactNode;
}

/** The transcript and, when the session takes messages from here, the composer with Send and Stop. */
export function ChatThread({ canSend, title, toolCard, aboveComposer }: ChatThreadProps) {
  return (
    <ThreadPrimitive.Root className="chat-thread">
      <ThreadPrimitive.Viewport className="chat-viewport" aria-label={`Messages in ${title}`} role="log">
        <ThreadPrimitive.Empty>
          <div className="chat-empty">
            <p className="strong">Nothing here yet.</p>
            <p className="muted">Write a message below. Your OpenClaw answers as it thinks, word by word.</p>
          </div>
        </ThreadPrimitive.Empty>
        <ThreadPrimitive.Messages>{({ message }) => (message.role === "user" ? <UserMessage /> : <AssistantMessage toolCard={toolCard} />)}</ThreadPrimitive.Messages>
      </ThreadPrimitive.Viewport>
      {aboveComposer}
      {canSend ? <Composer /> : null}
    </ThreadPrimitive.Root>
  );
}

function UserMessage() {
  return (
    <MessagePrimitive.Root className="chat-message chat-message-user">
      <span className="sr-only">You:</span>
      <div className="chat-bubble">
        <MessagePrimitive.Parts components={{ Text: MarkdownText }} />
      </div>
    </MessagePrimitive.Root>
  );
}

function AssistantMessage({ toolCard }: { toolCard: ToolCallMessagePartComponent | undefined }) {
  return (
    <MessagePrimitive.Root className="chat-message chat-message-assistant">
      <span className="sr-only">OpenClaw:</span>
      <div className="chat-bubble">
        <MessagePrimitive.Parts components={toolCard ? { Text: MarkdownText, tools: { Fallback: toolCard } } : { Text: MarkdownText }} />
        <ReplyStatus />
      </div>
    </MessagePrimitive.Root>
  );
}

/** Under a reply: thinking (before the first word), stopped, cut short, or why it failed. */
function ReplyStatus() {
  const status = useAuiState(({ message }) => message.status);
  const empty = useAuiState(({ message }) => message.content.every((part) => part.type !== "text" || part.text === ""));
  if (!status) return null;
  if (status.type === "running" && empty) {
    return (
      <span className="chat-thinking" role="status">
        <span className="spinner" aria-hidden="true" /> Thinking…
      </span>
    );
  }
  if (status.type !== "incomplete") return null;
  if (status.reason === "cancelled") return <p className="chat-note">Stopped.</p>;
  if (status.reason === "length") return <p className="chat-note">The reply was cut short: it reached the model's length limit.</p>;
  if (status.reason === "error") return <ErrorNotice error={status.error} />;
  return null;
}

function Composer() {
  return (
    <ComposerPrimitive.Root className="chat-composer">
      <label htmlFor="chat-input" className="sr-only">
        Message
      </label>
      <ComposerPrimitive.Input id="chat-input" className="chat-input" placeholder="Message your OpenClaw…  (Enter sends, Shift+Enter for a new line)" rows={1} autoFocus />
      <ThreadPrimitive.If running={false}>
        <ComposerPrimitive.Send className="button button-primary">Send</ComposerPrimitive.Send>
      </ThreadPrimitive.If>
      <ThreadPrimitive.If running>
        <ComposerPrimitive.Cancel className="button button-danger">Stop</ComposerPrimitive.Cancel>
      </ThreadPrimitive.If>
    </ComposerPrimitive.Root>
  );
}
