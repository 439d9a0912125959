import type { ToolCallMessagePartProps } from "@assistant-ui/react";
import { useState } from "react";
import { approvalRequestOf } from "@openclaw-cloud/contracts/threads";
import { formatToolValue, toolResultPayload, toolStage, toolTitle, type ToolPartLike } from "./tool-view.ts";
import { useThreadTools } from "./tool-parts.tsx";

/**
 * A tool call in a reply: its name and stage, its input, its progress and result, and,
 * while it waits for the person, Approve and Deny.
 */
export function ToolCard(props: ToolCallMessagePartProps) {
  const tools = useThreadTools();
  const raw: ToolPartLike = tools?.parts.get(props.toolCallId) ?? fallbackPart(props);
  const stage = toolStage(raw);
  const [answered, setAnswered] = useState(false);
  const hasResult = props.result !== undefined;
  const approval = stage.asksApproval ? approvalRequestOf(props.toolName, props.args as Record<string, unknown>) : null;
  return (
    <article className={`tool-card tool-card-${stage.tone}`} aria-label={`Tool ${props.toolName}`}>
      <div className="tool-card-header">
        <span className="tool-card-name">{toolTitle(props.toolName)}</span>
        <span className={`tool-card-stage tool-stage-${stage.tone}`}>
          {stage.tone === "running" ? <span className="spinner" aria-hidden="true" /> : null}
          {stage.label}
        </span>
      </div>
      {approval ? <p className="tool-card-summary">{approval.summary}</p> : null}
      {props.argsText && props.argsText !== "{}" ? (
        <details className="tool-card-section" open={stage.asksApproval}>
          <summary>Input</summary>
          <pre className="tool-json">{formatToolValue(props.args)}</pre>
        </details>
      ) : null}
      {hasResult ? (
        <div className="tool-card-section">
          <div className="tool-card-label">{raw.preliminary ? "Progress" : props.isError ? "Error" : "Result"}</div>
          <pre className="tool-json">{formatToolValue(toolResultPayload(props.result))}</pre>
        </div>
      ) : null}
      {stage.asksApproval && raw.approval && tools ? (
        <div className="row tool-card-approval">
          <button
            type="button"
            className="button button-primary"
            disabled={answered}
            onClick={() => {
              setAnswered(true);
              tools.respond(raw.approval!.id, true);
            }}
          >
            Approve
          </button>
          <button
            type="button"
            className="button button-danger"
            disabled={answered}
            onClick={() => {
              setAnswered(true);
              tools.respond(raw.approval!.id, false);
            }}
          >
            Deny
          </button>
        </div>
      ) : null}
    </article>
  );
}

/** The stage from assistant-ui's own fields, for a part the chat's messages do not (yet) have. */
function fallbackPart(props: ToolCallMessagePartProps): ToolPartLike {
  if (props.approval && props.approval.approved === undefined) return { state: "approval-requested", approval: { id: props.approval.id } };
  if (props.result !== undefined) return { state: props.isError ? "output-error" : "output-available" };
  return { state: props.status.type === "running" ? "input-streaming" : "input-available" };
}
