import { useState, type FormEvent } from "react";
import { getSignInMethod, localSignIn } from "../api/account.ts";
import { useAction, useApiData } from "../api/use-api.ts";
import { ErrorNotice } from "../components/ErrorNotice.tsx";
import { Spinner } from "../components/Spinner.tsx";
import { navigate, useLocation } from "../router.tsx";
import { useSession } from "../session.tsx";

/** What went wrong on the way back from AuthKit (`/sign-in?error=`), in words. */
const CALLBACK_ERRORS: Record<string, string> = {
  cancelled: "Signing in was cancelled.",
  state_mismatch: "That sign-in link had expired or was started elsewhere. Sign in again.",
  unauthorized: "The sign-in was refused. Sign in again.",
  auth_unavailable: "The sign-in service did not answer. Try again in a moment.",
  not_configured: "Sign-in is not configured on this server yet.",
};

/** Signed out: AuthKit's hosted sign-in, or in local development the local form. */
export function SignInScreen() {
  const { path, query } = useLocation();
  const method = useApiData<{ method: "workos" | "local" | "none" }>("/auth/config");
  // Signed out on some page of the app: come back to it after signing in.
  const returnTo = path === "/sign-in" ? (query.get("returnTo") ?? "/") : `${path}${query.size ? `?${query}` : ""}`;
  const callbackError = query.get("error");
  return (
    <main className="center-page">
      <div className="card auth-card">
        <div className="brand brand-large">
          <img src="/favicon.svg" alt="" width={40} height={40} />
          <span>OpenClaw Cloud</span>
        </div>
        <p className="lead">Your own OpenClaw, hosted: chat with it, pair your devices, and keep it backed up.</p>
        {callbackError ? (
          <div className="notice notice-error" role="alert">
            {CALLBACK_ERRORS[callbackError] ?? "Signing in did not work. Try again."}
          </div>
        ) : null}
        <ErrorNotice error={method.error} onRetry={() => void method.reload()} />
        {method.loading && !method.data ? <Spinner label="Loading…" /> : null}
        {method.data?.method === "workos" ? (
          <a className="button button-primary button-wide" href={`/auth/sign-in?returnTo=${encodeURIComponent(returnTo)}`}>
            Sign in or create an account
          </a>
        ) : null}
        {method.data?.method === "local" ? <LocalSignInForm returnTo={returnTo} /> : null}
        {method.data?.method === "none" ? <p className="muted">Sign-in is not configured on this server.</p> : null}
      </div>
    </main>
  );
}

function LocalSignInForm({ returnTo }: { returnTo: string }) {
  const { refresh } = useSession();
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const signIn = useAction(async () => {
    await localSignIn(email.trim(), name.trim());
    await refresh();
    navigate(returnTo.startsWith("/") && !returnTo.startsWith("//") ? returnTo : "/", { replace: true });
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void signIn.run();
  };
  return (
    <form className="form" onSubmit={submit} aria-label="Local sign-in">
      <p className="muted small">Local development sign-in: no password, for this machine only.</p>
      <label className="field">
        <span>Email</span>
        {/* biome-ignore lint/a11y/noAutofocus: the sign-in page has one task, and its first field is it */}
        <input type="email" required autoComplete="email" autoFocus value={email} onChange={(e) => setEmail(e.target.value)} />
      </label>
      <label className="field">
        <span>Name (optional)</span>
        <input type="text" autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <ErrorNotice error={signIn.error} />
      <button type="submit" className="button button-primary button-wide" disabled={signIn.pending}>
        {signIn.pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
