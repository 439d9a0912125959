/** Signing out is a POST (a link elsewhere cannot sign anyone out); the server clears the session and redirects. */
export function SignOutButton({ className = "button button-quiet" }: { className?: string }) {
  return (
    <form method="post" action="/auth/sign-out" className="inline-form">
      <button type="submit" className={className}>
        Sign out
      </button>
    </form>
  );
}
