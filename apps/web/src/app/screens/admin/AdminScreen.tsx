import type { AdminUsers } from "../../api/admin.ts";
import { ADMIN_PATHS } from "../../api/admin.ts";
import { useApiData } from "../../api/use-api.ts";
import { useLocation } from "../../router.tsx";
import { NotFoundScreen } from "../NotAllowedScreen.tsx";
import { AdminTabs } from "./AdminTabs.tsx";
import { tabForPath } from "./admin-view.ts";
import { AuditTab } from "./AuditTab.tsx";
import { InstancesTab } from "./InstancesTab.tsx";
import { UsersTab } from "./UsersTab.tsx";
import { WaitlistTab } from "./WaitlistTab.tsx";

/**
 * /admin and /admin/:tab: users, the waitlist, every instance and the audit log.
 * The users list is loaded here once: the Users tab shows it, the others name people by it.
 */
export default function AdminScreen() {
  const { path, query } = useLocation();
  const tab = tabForPath(path);
  const users = useApiData<AdminUsers>(tab ? ADMIN_PATHS.users : null);
  if (!tab) return <NotFoundScreen />;
  return (
    <section className="page page-admin">
      <header className="page-header">
        <div>
          <h1>Admin</h1>
          <p className="lead">Who may use OpenClaw Cloud, their credits and instances, and what admins changed.</p>
        </div>
      </header>
      <AdminTabs current={tab} />
      {tab === "users" ? <UsersTab users={users} supportUserId={query.get("support")} /> : null}
      {tab === "waitlist" ? <WaitlistTab users={users.data?.users ?? null} /> : null}
      {tab === "instances" ? <InstancesTab users={users.data?.users ?? null} /> : null}
      {tab === "audit" ? <AuditTab users={users.data?.users ?? null} /> : null}
    </section>
  );
}
