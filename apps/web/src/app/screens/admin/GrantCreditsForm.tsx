import { useId, useState, type FormEvent } from "react";
import type { AdminUser, LedgerEntry } from "@openclaw-cloud/contracts/web-views";
import { grantCredits } from "../../api/admin.ts";
import { useAction } from "../../api/use-api.ts";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { formatNumber } from "../../components/format.ts";
import { parseGrant } from "./admin-view.ts";

/** Grants a user credits (a whole amount and a reason, kept in the ledger); says their new balance. */
export function GrantCreditsForm({ user, onGranted, onClose }: { user: AdminUser; onGranted: () => Promise<void>; onClose: () => void }) {
  const id = useId();
  const [amount, setAmount] = useState("");
  const [reason, setReason] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [granted, setGranted] = useState<LedgerEntry | null>(null);
  const grant = useAction(async (value: number, why: string) => {
    const { entry } = await grantCredits(user.id, value, why);
    setGranted(entry);
    setAmount("");
    setReason("");
    await onGranted();
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseGrant(amount, reason);
    setGranted(null);
    if (!parsed.ok) {
      setProblem(parsed.problem);
      return;
    }
    setProblem(null);
    void grant.run(parsed.amount, parsed.reason);
  };

  return (
    <form className="admin-grant" onSubmit={submit} aria-label={`Grant credits to ${user.email}`} noValidate>
      <label className="field" htmlFor={`${id}-amount`}>
        <span>Credits</span>
        <input id={`${id}-amount`} type="number" min={1} step={1} inputMode="numeric" value={amount} onChange={(e) => setAmount(e.target.value)} required />
      </label>
      <label className="field admin-grant-reason" htmlFor={`${id}-reason`}>
        <span>Reason</span>
        <input id={`${id}-reason`} type="text" maxLength={256} placeholder="e.g. welcome credits" value={reason} onChange={(e) => setReason(e.target.value)} required />
      </label>
      <div className="row">
        <button type="submit" className="button button-primary button-small" disabled={grant.pending}>
          {grant.pending ? "Granting…" : "Grant"}
        </button>
        <button type="button" className="button button-quiet button-small" onClick={onClose}>
          Close
        </button>
      </div>
      <div className="admin-grant-result">
        {problem ? (
          <p className="notice notice-error" role="alert">
            {problem}
          </p>
        ) : null}
        <ErrorNotice error={grant.error} />
        {granted ? (
          <p className="notice notice-success" role="status">
            Granted {formatNumber(granted.delta)} credits to {user.email}. Their balance is now {formatNumber(granted.balanceAfter)}.
          </p>
        ) : null}
      </div>
    </form>
  );
}
