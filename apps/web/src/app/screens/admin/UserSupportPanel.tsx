import type { AdminUser, UserSupportView } from "@openclaw-cloud/contracts/web-views";
import { userSupportPath } from "../../api/support.ts";
import { useApiData } from "../../api/use-api.ts";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { RefreshButton } from "../../components/RefreshButton.tsx";
import { Spinner } from "../../components/Spinner.tsx";
import { Link } from "../../router.tsx";
import { SupportDetails } from "../support/SupportDetails.tsx";

/** One user's support view: their instance's status and its recent log lines, as the Support page shows them. */
export function UserSupportPanel({ userId, known }: { userId: string; known: AdminUser | null }) {
  const support = useApiData<UserSupportView>(userSupportPath(userId));
  const email = support.data?.user.email ?? known?.email ?? "this user";
  return (
    <div className="stack">
      <div className="row row-between">
        <Link to="/admin/users" className="button button-small button-quiet">
          ← All users
        </Link>
        <RefreshButton loading={support.loading} onRefresh={() => void support.reload()} />
      </div>
      <h2>Support: {email}</h2>
      <ErrorNotice error={support.error} onRetry={() => void support.reload()} />
      {support.loading && !support.data ? <Spinner label={`Loading ${email}'s instance and logs…`} /> : null}
      {support.data ? (
        <SupportDetails view={support.data.instance} logs={support.data.logs} noInstance={`${email} has no OpenClaw instance. They can create one from their home page once they have access.`} />
      ) : null}
    </div>
  );
}
