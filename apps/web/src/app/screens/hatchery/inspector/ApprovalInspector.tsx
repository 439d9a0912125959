import type { ApprovalView, ExecApprovalView } from "@openclaw-cloud/contracts/threads";
import { ApprovalButtons } from "../../../components/approvals/ApprovalButtons.tsx";
import { ExecApprovalButtons } from "../../../components/approvals/ExecApprovalButtons.tsx";
import { formatDateTime } from "../../../components/format.ts";
import { threadPath } from "../../../components/threads/thread-paths.ts";
import { Link } from "../../../router.tsx";
import { formatToolValue } from "../../thread/tool-view.ts";

/** A chat's risky tool call waiting for a yes: what it would do, its input, Approve and Deny. */
export function ApprovalInspector({ approval, onResolved }: { approval: ApprovalView; onResolved: () => void }) {
  const { payload } = approval;
  return (
    <>
      <p>{payload.summary}</p>
      <dl className="kv">
        <dt>Tool</dt>
        <dd className="mono">{payload.toolName}</dd>
        <dt>Asked</dt>
        <dd>{formatDateTime(approval.requestedAt)}</dd>
        <dt>Chat</dt>
        <dd>
          <Link to={threadPath(payload.threadId)}>Open the chat</Link>
        </dd>
      </dl>
      {Object.keys(payload.input).length > 0 ? <pre className="tool-json">{formatToolValue(payload.input)}</pre> : null}
      <ApprovalButtons approval={approval} onResolved={onResolved} />
    </>
  );
}

/** A command OpenClaw's own agent wants to run: where, for which session; Allow once, always, or Deny. */
export function ExecApprovalInspector({ approval, onResolved }: { approval: ExecApprovalView; onResolved: () => void }) {
  return (
    <>
      <p>Your OpenClaw's agent wants to run this command on its gateway.</p>
      <pre className="tool-json">{approval.command}</pre>
      <dl className="kv">
        {approval.cwd ? (
          <>
            <dt>In</dt>
            <dd className="mono">{approval.cwd}</dd>
          </>
        ) : null}
        {approval.sessionKey ? (
          <>
            <dt>Session</dt>
            <dd className="mono">{approval.sessionKey}</dd>
          </>
        ) : null}
        <dt>Asked</dt>
        <dd>{formatDateTime(approval.createdAt)}</dd>
        {approval.expiresAt ? (
          <>
            <dt>Expires</dt>
            <dd>{formatDateTime(approval.expiresAt)}</dd>
          </>
        ) : null}
      </dl>
      <ExecApprovalButtons approval={approval} onResolved={onResolved} />
    </>
  );
}
