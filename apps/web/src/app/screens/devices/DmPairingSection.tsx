import type { DmPairingList } from "@openclaw-cloud/contracts/web-views";
import { approveDmPairing } from "../../api/devices.ts";
import { useAction, type ApiData } from "../../api/use-api.ts";
import { ConfirmButton } from "../../components/ConfirmButton.tsx";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { formatDateTime } from "../../components/format.ts";
import { Spinner } from "../../components/Spinner.tsx";
import { Link } from "../../router.tsx";
import { groupDmRequests, type DmAccountGroup } from "./device-view.ts";

type DmRequest = DmPairingList["requests"][number];

/** People who wrote to the person's bots (Telegram, …) and wait to be let in, per channel account. */
export function DmPairingSection({ data }: { data: ApiData<DmPairingList> }) {
  const groups = data.data ? groupDmRequests(data.data) : [];
  return (
    <section className="section" aria-labelledby="dm-title">
      <h2 id="dm-title">Chat pairing requests</h2>
      <ErrorNotice error={data.error} onRetry={() => void data.reload()} />
      {!data.data && data.loading && !data.error ? <Spinner label="Loading chat pairing requests…" /> : null}
      {data.data && groups.length === 0 ? (
        <p className="card empty">
          No messaging channel is connected. Add a Telegram bot on the <Link to="/channels">Channels</Link> page; when someone writes to it, their request shows up here.
        </p>
      ) : null}
      <div className="stack">
        {groups.map((group) => (
          <AccountRequests key={`${group.channel}/${group.accountId}`} group={group} onApproved={() => void data.reload()} />
        ))}
      </div>
    </section>
  );
}

function AccountRequests({ group, onApproved }: { group: DmAccountGroup; onApproved: () => void }) {
  return (
    <div className="card">
      <h3>{group.label}</h3>
      {group.requests.length === 0 ? (
        <p className="muted small">Nobody is waiting. When someone sends this bot a direct message, it answers with a pairing code and the request appears here.</p>
      ) : (
        <ul className="plain-list">
          {group.requests.map((request) => (
            <DmRequestRow key={request.requestId} request={request} onApproved={onApproved} />
          ))}
        </ul>
      )}
    </div>
  );
}

function DmRequestRow({ request, onApproved }: { request: DmRequest; onApproved: () => void }) {
  const approve = useAction(approveDmPairing);
  const who = request.senderLabel?.trim() || `sender ${request.senderId}`;
  const run = async () => {
    if ((await approve.run({ channel: request.channel, accountId: request.accountId, requestId: request.requestId })) !== undefined) onApproved();
  };
  return (
    <li className="dm-request">
      <div>
        <div className="strong">{who}</div>
        <div className="muted small">
          Code <span className="mono">{request.requestId}</span> · asked {formatDateTime(request.createdAt)} · until {formatDateTime(request.expiresAt)}
        </div>
      </div>
      <ConfirmButton
        className="button button-primary button-small"
        disabled={approve.pending}
        title={`Let ${who} chat with your OpenClaw?`}
        description={`${who} can then send direct messages to your OpenClaw through ${request.channel}, and it answers them. Approve only someone you know.`}
        confirmLabel="Yes, approve"
        onConfirm={() => void run()}
      >
        {approve.pending ? "Approving…" : "Approve"}
      </ConfirmButton>
      <ErrorNotice error={approve.error} />
    </li>
  );
}
