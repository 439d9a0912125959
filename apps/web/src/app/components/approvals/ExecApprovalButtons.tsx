import type { ExecApprovalDecision, ExecApprovalView } from "@openclaw-cloud/contracts/threads";
import { useCallback } from "react";
import { resolveExecApproval } from "../../api/approvals.ts";
import { useAction } from "../../api/use-api.ts";
import { ErrorNotice } from "../ErrorNotice.tsx";

/** Answers one of OpenClaw's own exec approvals: this once, always for this command, or no. */
export function ExecApprovalButtons({ approval, onResolved }: { approval: ExecApprovalView; onResolved: () => void }) {
  const decide = useAction(
    useCallback(
      async (decision: ExecApprovalDecision) => {
        await resolveExecApproval(approval.id, decision);
        onResolved();
        return decision;
      },
      [approval.id, onResolved],
    ),
  );
  return (
    <div className="stack">
      <div className="row">
        <button type="button" className="button button-primary" onClick={() => void decide.run("allow-once")} disabled={decide.pending}>
          Allow once
        </button>
        <button type="button" className="button" onClick={() => void decide.run("allow-always")} disabled={decide.pending}>
          Always allow
        </button>
        <button type="button" className="button button-danger" onClick={() => void decide.run("deny")} disabled={decide.pending}>
          Deny
        </button>
      </div>
      <ErrorNotice error={decide.error} />
    </div>
  );
}
