import type { ApprovalView } from "@openclaw-cloud/contracts/threads";
import { useCallback } from "react";
import { resolveApproval } from "../../api/approvals.ts";
import { useAction } from "../../api/use-api.ts";
import { ErrorNotice } from "../ErrorNotice.tsx";

/** Approve or Deny a thread's pending tool call from outside its thread; the api continues the thread. */
export function ApprovalButtons({ approval, onResolved }: { approval: ApprovalView; onResolved: () => void }) {
  const answer = useAction(
    useCallback(
      async (approved: boolean) => {
        await resolveApproval(approval.id, approved);
        onResolved();
        return approved;
      },
      [approval.id, onResolved],
    ),
  );
  return (
    <div className="stack">
      <div className="row">
        <button type="button" className="button button-primary" onClick={() => void answer.run(true)} disabled={answer.pending}>
          Approve
        </button>
        <button type="button" className="button button-danger" onClick={() => void answer.run(false)} disabled={answer.pending}>
          Deny
        </button>
      </div>
      <ErrorNotice error={answer.error} />
    </div>
  );
}
