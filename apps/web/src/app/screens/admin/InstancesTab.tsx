import { useEffect, useState } from "react";
import type { AdminUser } from "@openclaw-cloud/contracts/web-views";
import { ADMIN_PATHS, type AdminInstances } from "../../api/admin.ts";
import { useApiData } from "../../api/use-api.ts";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { Spinner } from "../../components/Spinner.tsx";
import { emailDirectory } from "./admin-view.ts";
import { InstanceRow } from "./InstanceRow.tsx";
import { DataTable } from "../../components/DataTable.tsx";
import { RefreshButton } from "../../components/RefreshButton.tsx";

const POLL_MS = 10_000;

/** Every instance with its live state from the runtime, refreshed every 10 seconds while open. */
export function InstancesTab({ users }: { users: AdminUser[] | null }) {
  const instances = useApiData<AdminInstances>(ADMIN_PATHS.instances, { pollMs: POLL_MS });
  const [checkedAt, setCheckedAt] = useState<Date | null>(null);
  useEffect(() => {
    if (instances.data) setCheckedAt(new Date());
  }, [instances.data]);
  const list = instances.data?.instances ?? [];
  const directory = emailDirectory(users);
  return (
    <div className="stack">
      <div className="row row-between admin-toolbar">
        <p className="muted small admin-summary">Live from the runtime, checked every 10 seconds{checkedAt ? ` (last at ${checkedAt.toLocaleTimeString()})` : ""}.</p>
        <RefreshButton loading={instances.loading} onRefresh={() => void instances.reload()} />
      </div>
      <ErrorNotice error={instances.error} onRetry={() => void instances.reload()} />
      {instances.loading && !instances.data ? <Spinner label="Asking the runtime about every instance…" /> : null}
      {instances.data ? (
        <DataTable
          columns={["Owner", "State", "Last error", "Last backup", "Model", "Created"]}
          footer={list.length === 0 ? <p className="empty">No instances yet. One appears here as soon as a user creates their OpenClaw.</p> : null}
        >
          {list.map((instance) => (
            <InstanceRow key={instance.id} instance={instance} ownerEmail={directory.get(instance.ownerId) ?? null} />
          ))}
        </DataTable>
      ) : null}
    </div>
  );
}
