import { EXEC_APPROVALS_PATH, type ExecApprovals } from "../../api/approvals.ts";
import { useApiData } from "../../api/use-api.ts";
import { ExecApprovalButtons } from "./ExecApprovalButtons.tsx";

/** How often the gateway's exec approvals are read again while a thread is open. */
const EXEC_POLL_MS = 4000;

/**
 * OpenClaw's own pending exec approvals (a command its agent wants to run), each with its
 * answer buttons. Says nothing when there are none or they cannot be read: it sits beside
 * a chat and must not crowd it.
 */
export function ExecApprovalList() {
  const exec = useApiData<ExecApprovals>(EXEC_APPROVALS_PATH, { pollMs: EXEC_POLL_MS });
  const approvals = exec.data?.approvals ?? [];
  if (approvals.length === 0) return null;
  return (
    <section className="exec-approvals" aria-label="Your OpenClaw asks">
      {approvals.map((approval) => (
        <div key={approval.id} className="approval-card">
          <p className="small strong">Your OpenClaw asks to run a command</p>
          <pre className="tool-json">{approval.command}</pre>
          {approval.cwd ? <p className="muted small">in {approval.cwd}</p> : null}
          <ExecApprovalButtons approval={approval} onResolved={() => void exec.reload()} />
        </div>
      ))}
    </section>
  );
}
