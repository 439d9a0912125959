import type { UIMessage } from "ai";
import { createContext, useContext } from "react";
import type { ToolPartLike } from "./tool-view.ts";

/**
 * The AI SDK's own tool parts of a thread, by tool call id. assistant-ui's tool-call part
 * keeps no `preliminary` flag and folds states together; the card reads the exact state
 * here, and answers approvals through the chat's `addToolApprovalResponse`.
 */
export interface ThreadTools {
  parts: ReadonlyMap<string, ToolPartLike>;
  respond: (approvalId: string, approved: boolean) => void;
}

export const ThreadToolsContext = createContext<ThreadTools | null>(null);

export function useThreadTools(): ThreadTools | null {
  return useContext(ThreadToolsContext);
}

/** Every tool part (`tool-<name>` or `dynamic-tool`) of the messages, by its tool call id. */
export function toolPartsOf(messages: readonly UIMessage[]): Map<string, ToolPartLike> {
  const parts = new Map<string, ToolPartLike>();
  for (const message of messages) {
    for (const part of message.parts) {
      if ((part.type.startsWith("tool-") || part.type === "dynamic-tool") && "toolCallId" in part && "state" in part) {
        const tool = part as unknown as ToolPartLike & { toolCallId: string };
        parts.set(tool.toolCallId, { state: tool.state, ...(tool.preliminary ? { preliminary: true } : {}), ...(tool.approval ? { approval: tool.approval } : {}) });
      }
    }
  }
  return parts;
}
