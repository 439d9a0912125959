import type { ReactNode } from "react";
import { useInstance } from "../instance.tsx";
import { Link, useLocation } from "../router.tsx";
import { useMe } from "../session.tsx";
import { SignOutButton } from "./SignOutButton.tsx";
import { StateBadge } from "./StateBadge.tsx";

const NAV: Array<{ to: string; label: string; needsInstance?: boolean }> = [
  { to: "/", label: "OpenClaw" },
  { to: "/chat", label: "Chat", needsInstance: true },
  { to: "/devices", label: "Devices", needsInstance: true },
  { to: "/channels", label: "Channels", needsInstance: true },
  { to: "/backups", label: "Backups", needsInstance: true },
  { to: "/settings", label: "Settings" },
  { to: "/support", label: "Support" },
];

function isCurrent(to: string, path: string): boolean {
  return to === "/" ? path === "/" || path === "/create" : path === to || path.startsWith(`${to}/`);
}

/** The signed-in frame: the sidebar (status, navigation, account) and the screen beside it. */
export function AppShell({ children }: { children: ReactNode }) {
  const me = useMe();
  const { path } = useLocation();
  const { status } = useInstance();
  const hasInstance = status.kind === "present";
  const links = [...NAV.filter((item) => hasInstance || !item.needsInstance), ...(me.admin ? [{ to: "/admin", label: "Admin" }] : [])];
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <aside className="sidebar" aria-label="Sidebar">
        <Link to="/" className="brand">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <span>OpenClaw Cloud</span>
        </Link>
        <div className="sidebar-status" aria-label="OpenClaw status">
          {status.kind === "present" ? (
            <>
              <StateBadge state={status.view.runtime.state} />
              <span className="muted small">{status.view.runtime.agent?.name ?? "OpenClaw"}</span>
            </>
          ) : status.kind === "none" ? (
            <span className="muted small">No OpenClaw yet</span>
          ) : (
            <span className="muted small">Checking…</span>
          )}
        </div>
        <nav aria-label="Main">
          <ul className="nav">
            {links.map((item) => (
              <li key={item.to}>
                <Link to={item.to} className={isCurrent(item.to, path) ? "nav-link nav-link-current" : "nav-link"} aria-current={isCurrent(item.to, path) ? "page" : undefined}>
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="sidebar-account">
          <div className="small">
            <div className="strong">{me.user.name ?? me.user.email}</div>
            {me.user.name ? <div className="muted">{me.user.email}</div> : null}
          </div>
          <SignOutButton className="button button-quiet button-small" />
        </div>
      </aside>
      <main id="main" className="content" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
