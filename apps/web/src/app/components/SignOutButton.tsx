import { useAction } from "../api/use-api.ts";

async function signOut(): Promise<void> {
  const response = await fetch("/auth/sign-out", { method: "POST", credentials: "same-origin" });
  const { redirectTo } = (await response.json()) as { redirectTo?: string };
  // WorkOS's own sign-out page when signed in with it (it comes back here), else the home page.
  window.location.assign(redirectTo ?? "/");
}

/** Signing out is a POST (a link elsewhere cannot sign anyone out); the server clears the session. */
export function SignOutButton({ className = "button button-quiet" }: { className?: string }) {
  const action = useAction(signOut);
  return (
    <button type="button" className={className} disabled={action.pending} onClick={() => void action.run()}>
      {action.pending ? "Signing out…" : "Sign out"}
    </button>
  );
}
