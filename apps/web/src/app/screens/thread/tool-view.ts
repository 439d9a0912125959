import { isObject, toolPayload } from "../chat/tool-result.ts";

/**
 * How a tool call in a thread reads: its stage from the AI SDK's tool part state, and its
 * input and result as bounded, readable text. Pure, so each state's wording is tested.
 */

/** The AI SDK 7 tool part's states (a UI message's `tool-*` / `dynamic-tool` parts). */
export type ToolPartState = "input-streaming" | "input-available" | "approval-requested" | "approval-responded" | "output-available" | "output-error" | "output-denied";

export interface ToolPartLike {
  state: ToolPartState;
  /** Set on `output-available` while the tool still runs and reports progress. */
  preliminary?: boolean;
  approval?: { id: string; approved?: boolean; reason?: string };
}

export interface ToolStage {
  label: string;
  tone: "running" | "waiting" | "done" | "failed";
  /** Whether the person is asked to Approve or Deny now. */
  asksApproval: boolean;
}

/** "Preparing…", "Running…", "Waiting for your approval", "Done", … for a tool part. */
export function toolStage(part: ToolPartLike): ToolStage {
  switch (part.state) {
    case "input-streaming":
      return { label: "Preparing…", tone: "running", asksApproval: false };
    case "input-available":
      return { label: "Running…", tone: "running", asksApproval: false };
    case "approval-requested":
      return { label: "Waiting for your approval", tone: "waiting", asksApproval: true };
    case "approval-responded":
      return part.approval?.approved === false ? { label: "Denied", tone: "failed", asksApproval: false } : { label: "Approved, running…", tone: "running", asksApproval: false };
    case "output-available":
      return part.preliminary ? { label: "In progress…", tone: "running", asksApproval: false } : { label: "Done", tone: "done", asksApproval: false };
    case "output-error":
      return { label: "Failed", tone: "failed", asksApproval: false };
    case "output-denied":
      return { label: "Denied", tone: "failed", asksApproval: false };
  }
}

/** The most of a tool's input or result shown in a card; the rest is cut with a note. */
export const TOOL_VALUE_MAX_CHARS = 4000;

/** A tool's input or result as text: strings as they are, anything else as indented JSON; bounded. */
export function formatToolValue(value: unknown, max = TOOL_VALUE_MAX_CHARS): string {
  let text: string;
  if (typeof value === "string") text = value;
  else {
    try {
      text = JSON.stringify(value, null, 2) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  return text.length > max ? `${text.slice(0, max)}\n… (${text.length - max} more characters)` : text;
}

/**
 * What a tool's result says. The api passes the gateway's tool results through as
 * `{ result: { content: [{ type: "text", text: "<JSON>" }], details } }`; the card shows
 * the gateway's own payload instead of that wrapping (JSON inside a string).
 */
export function toolResultPayload(value: unknown): unknown {
  if (isObject(value) && isObject(value.result) && ("content" in value.result || "details" in value.result)) return toolPayload(value.result) ?? value;
  return value;
}

/** `openclaw_restart` → "openclaw restart": a tool's name as words. */
export function toolTitle(toolName: string): string {
  return toolName.replace(/[_-]+/g, " ").trim();
}
