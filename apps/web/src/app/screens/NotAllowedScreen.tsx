import { Link } from "../router.tsx";

/** A signed-in person on a page that is not theirs (/admin without being an admin). */
export function NotAllowedScreen() {
  return (
    <main className="center-page">
      <div className="card auth-card">
        <h1>Not allowed</h1>
        <p className="lead">This page is for administrators of OpenClaw Cloud only.</p>
        <Link to="/" className="button button-primary">
          Back to your OpenClaw
        </Link>
      </div>
    </main>
  );
}

export function NotFoundScreen() {
  return (
    <section className="page">
      <h1>Page not found</h1>
      <p className="lead">There is nothing at this address.</p>
      <Link to="/" className="button button-primary">
        Back to your OpenClaw
      </Link>
    </section>
  );
}
