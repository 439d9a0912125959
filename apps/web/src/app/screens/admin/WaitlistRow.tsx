import type { WaitlistEntry } from "@openclaw-cloud/contracts/web-views";
import { decideWaitlistEntry } from "../../api/admin.ts";
import { useAction } from "../../api/use-api.ts";
import { ConfirmButton } from "../../components/ConfirmButton.tsx";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { formatDateTime } from "../../components/format.ts";
import { When } from "./When.tsx";
import { personLabel, type EmailDirectory } from "./admin-view.ts";

/** One waitlist entry: who, why, since when, whether approved (by whom, when), and approve or revoke. */
export function WaitlistRow({ entry, directory, onChanged }: { entry: WaitlistEntry; directory: EmailDirectory; onChanged: () => Promise<void> }) {
  const decide = useAction(async (decision: "approve" | "revoke") => {
    await decideWaitlistEntry(entry.id, decision);
    await onChanged();
  });
  return (
    <>
      <tr>
        <td className="strong">{entry.email}</td>
        <td className="admin-note">{entry.note ? entry.note : <span className="muted">—</span>}</td>
        <td className="small">
          <When value={entry.createdAt} />
        </td>
        <td>
          {entry.approved ? (
            <>
              <span className="badge badge-running">Approved</span>
              <div className="muted small">
                by {personLabel(entry.approvedBy, directory)}, {formatDateTime(entry.approvedAt)}
              </div>
            </>
          ) : (
            <span className="badge badge-sleeping">Waiting</span>
          )}
        </td>
        <td>
          {entry.approved ? (
            <ConfirmButton
              className="button button-small button-danger"
              danger
              title={`Revoke ${entry.email}'s approval?`}
              description={`${entry.email} loses access and sees the waitlist page again. Their instance, keys and credits stay.`}
              confirmLabel="Revoke"
              disabled={decide.pending}
              onConfirm={() => void decide.run("revoke")}
            >
              {decide.pending ? "Revoking…" : "Revoke"}
            </ConfirmButton>
          ) : (
            <ConfirmButton
              className="button button-small button-primary"
              title={`Let ${entry.email} in?`}
              description={`${entry.email} gets access to OpenClaw Cloud (now, or when they first sign in with this email).`}
              confirmLabel="Approve"
              disabled={decide.pending}
              onConfirm={() => void decide.run("approve")}
            >
              {decide.pending ? "Approving…" : "Approve"}
            </ConfirmButton>
          )}
        </td>
      </tr>
      {decide.error ? (
        <tr className="admin-subrow">
          <td colSpan={5}>
            <ErrorNotice error={decide.error} />
          </td>
        </tr>
      ) : null}
    </>
  );
}
