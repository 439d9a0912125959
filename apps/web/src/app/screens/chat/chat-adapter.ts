import type { ChatModelAdapter, ThreadMessage } from "@assistant-ui/react";
import { API_ERROR_CODES, type ApiErrorCode } from "@openclaw-cloud/contracts/api-errors";
import { readSse } from "@openclaw-cloud/http-kit/sse";
import { streamChatTurn } from "../../api/chat.ts";
import { ApiProblem } from "../../api/http.ts";
import { turnEventOf } from "./openresponses-events.ts";

/**
 * assistant-ui's model adapter for one OpenClaw session: each run sends the newest user
 * message to `POST /api/openclaw/chat` and yields the reply as it grows, one
 * `response.output_text.delta` at a time. Stop aborts the request (assistant-ui's
 * abortSignal), and the API and gateway stop the run when the client goes.
 */
export function openClawChatAdapter(sessionKey: string): ChatModelAdapter {
  return {
    async *run({ messages, abortSignal }) {
      const response = await streamChatTurn({ message: lastUserText(messages), sessionKey }, abortSignal);
      if (!response.body) throw new ApiProblem("unexpected_answer", response.status, "the reply had no body");
      let text = "";
      let incomplete = false;
      try {
        for await (const event of readSse(response.body)) {
          const turn = turnEventOf(event);
          if (turn.kind === "delta") {
            text += turn.text;
            yield { content: [{ type: "text", text }] };
          } else if (turn.kind === "failed") {
            throw new ApiProblem(isApiErrorCode(turn.code) ? turn.code : "turn_failed", 502, turn.message);
          } else if (turn.kind === "done") {
            incomplete = turn.incomplete;
          }
        }
      } catch (error) {
        // Stop (an abort) and the turn's own failure pass as they are; a connection that
        // broke mid-reply becomes the website's "network" problem, so it reads as one sentence.
        if (abortSignal.aborted || error instanceof ApiProblem) throw error;
        throw new ApiProblem("network", 0, "the connection broke during the reply");
      }
      // The last update settles the message: complete, or cut short at the model's output budget.
      yield {
        content: [{ type: "text", text }],
        status: incomplete ? { type: "incomplete", reason: "length" } : { type: "complete", reason: "stop" },
      };
    },
  };
}

/** The text of the newest user message (assistant-ui appends it before running). */
export function lastUserText(messages: readonly ThreadMessage[]): string {
  const last = [...messages].reverse().find((message) => message.role === "user");
  if (!last) return "";
  return last.content.map((part) => (part.type === "text" ? part.text : "")).join("");
}

function isApiErrorCode(code: string | null): code is ApiErrorCode {
  return code !== null && (API_ERROR_CODES as readonly string[]).includes(code);
}
