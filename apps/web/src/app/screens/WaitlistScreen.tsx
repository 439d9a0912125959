import { useState, type FormEvent } from "react";
import type { WaitlistEntry } from "@openclaw-cloud/contracts/web-views";
import { joinWaitlist } from "../api/account.ts";
import { useAction, useApiData } from "../api/use-api.ts";
import { ErrorNotice } from "../components/ErrorNotice.tsx";
import { SignOutButton } from "../components/SignOutButton.tsx";
import { Spinner } from "../components/Spinner.tsx";
import { formatDateTime } from "../components/format.ts";
import { useMe, useSession } from "../session.tsx";

/** Signed in without access: join the waitlist, then see that you are waiting. */
export function WaitlistScreen() {
  const me = useMe();
  const { refresh } = useSession();
  const mine = useApiData<{ entry: WaitlistEntry | null; access: boolean }>("/api/waitlist");
  const [note, setNote] = useState("");
  const join = useAction(async () => {
    await joinWaitlist(note.trim());
    await mine.reload();
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void join.run();
  };
  const entry = mine.data?.entry ?? null;
  return (
    <main className="center-page">
      <div className="card auth-card">
        <h1>You are almost in</h1>
        <p className="lead">
          Signed in as <strong>{me.user.email}</strong>. OpenClaw Cloud lets people in from a waitlist while we grow.
        </p>
        <ErrorNotice error={mine.error} onRetry={() => void mine.reload()} />
        {mine.loading && !mine.data ? <Spinner label="Checking the waitlist…" /> : null}
        {entry ? (
          <div className="notice notice-info" role="status">
            <strong>You are on the waitlist</strong> since {formatDateTime(entry.createdAt)}. We will let you in as soon as we can; this page opens your OpenClaw once we do.
          </div>
        ) : null}
        {mine.data && !entry ? (
          <form className="form" onSubmit={submit} aria-label="Join the waitlist">
            <label className="field">
              <span>What would you like to use OpenClaw for? (optional)</span>
              <textarea rows={3} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
            </label>
            <ErrorNotice error={join.error} />
            <button type="submit" className="button button-primary button-wide" disabled={join.pending}>
              {join.pending ? "Joining…" : "Join the waitlist"}
            </button>
          </form>
        ) : null}
        <div className="row row-between">
          <button type="button" className="button button-quiet" onClick={() => void refresh()}>
            Check again
          </button>
          <SignOutButton />
        </div>
      </div>
    </main>
  );
}
