import type { ApiTokenSummary } from "@openclaw-cloud/contracts/web-views";
import { ConfirmButton } from "../../components/ConfirmButton.tsx";
import { formatDateTime } from "../../components/format.ts";
import { DataTable } from "../../components/DataTable.tsx";

interface TokenTableProps {
  tokens: ApiTokenSummary[];
  revoking: boolean;
  onRevoke: (id: string) => void;
}

/** The person's tokens: name, prefix, created, last used, active or revoked, and a Revoke button. */
export function TokenTable({ tokens, revoking, onRevoke }: TokenTableProps) {
  if (tokens.length === 0) {
    return (
      <div className="table-wrap">
        <p className="empty">No API tokens yet. Create one above to call your OpenClaw from your own programs.</p>
      </div>
    );
  }
  return (
    <DataTable columns={["Name", "Starts with", "Created", "Last used", "Status"]} actions caption="Your API tokens">
      {tokens.map((token) => (
        <tr key={token.id} className={token.revokedAt ? "row-revoked" : undefined}>
          <td className="strong">{token.name}</td>
          <td className="mono">{token.prefix}…</td>
          <td>{formatDateTime(token.createdAt)}</td>
          <td>{formatDateTime(token.lastUsedAt)}</td>
          <td>{token.revokedAt ? <span className="muted">Revoked {formatDateTime(token.revokedAt)}</span> : <span className="badge badge-running">Active</span>}</td>
          <td className="cell-actions">
            {token.revokedAt ? null : (
              <ConfirmButton
                danger
                className="button button-small button-danger"
                title={`Revoke “${token.name}”?`}
                description="Programs using this token are refused from now on. This cannot be undone; create a new token if you need one again."
                confirmLabel="Yes, revoke"
                onConfirm={() => onRevoke(token.id)}
                disabled={revoking}
              >
                Revoke<span className="visually-hidden"> {token.name}</span>
              </ConfirmButton>
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
