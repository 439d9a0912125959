import type { BillingSummary } from "@openclaw-cloud/contracts/web-views";
import { BILLING_PATH } from "../../api/settings.ts";
import { useApiData } from "../../api/use-api.ts";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { Spinner } from "../../components/Spinner.tsx";
import { formatDateTime, formatNumber } from "../../components/format.ts";
import { LedgerTable } from "./LedgerTable.tsx";
import { UsageByDayTable } from "./UsageByDayTable.tsx";

/** The credit balance and its latest changes. */
export function Credits() {
  const billing = useApiData<BillingSummary>(BILLING_PATH);
  const summary = billing.data;
  return (
    <section aria-labelledby="credits-title" className="stack">
      <div>
        <h2 id="credits-title">Credits</h2>
        <p className="muted">
          The platform's model uses credits for the tokens it takes, however you chat with your OpenClaw (here, the API, your channels, scheduled runs). Turns on your own provider key cost none.
          Administrators grant credits.
        </p>
      </div>
      <ErrorNotice error={billing.error} onRetry={() => void billing.reload()} />
      {summary === null && !billing.error ? <Spinner label="Loading your credits…" /> : null}
      {summary ? (
        <>
          <div className="card balance-card">
            <div className="muted small">Balance</div>
            <div className={summary.balance > 0 ? "balance" : "balance balance-empty"} data-testid="balance">
              {formatNumber(summary.balance)} <span className="balance-unit">credits</span>
            </div>
            <div className="muted small">
              {summary.creditsPerToken === 1 ? "1 credit per token" : `${formatNumber(summary.creditsPerToken)} credits per token`}
              {summary.entries[0] ? ` · last change ${formatDateTime(summary.entries[0].createdAt)}` : ""}
            </div>
          </div>
          {summary.balance <= 0 ? (
            <div className="notice notice-warning">You are out of credits, so turns on the platform's model are refused. Ask an administrator for more, or add your own provider key.</div>
          ) : null}
          <h3>Spending, last 30 days</h3>
          <UsageByDayTable days={summary.usageByDay} />
          <h3>Latest changes</h3>
          <LedgerTable entries={summary.entries} />
        </>
      ) : null}
    </section>
  );
}
