import type { ReactNode } from "react";
import { useInstance } from "../instance.tsx";
import { Link, useLocation } from "../router.tsx";
import { useMe } from "../session.tsx";
import { SignOutButton } from "./SignOutButton.tsx";
import { StateBadge } from "./StateBadge.tsx";
import { ThreadList } from "./threads/ThreadList.tsx";

type NavItem = { to: string; label: string; needsInstance?: boolean };

/** The OpenClaw's own screens, under its status. */
const OPENCLAW_NAV: NavItem[] = [
  { to: "/", label: "Hatchery" },
  { to: "/openclaw", label: "Overview" },
  { to: "/chat", label: "Chat", needsInstance: true },
  { to: "/devices", label: "Devices", needsInstance: true },
  { to: "/channels", label: "Channels", needsInstance: true },
  { to: "/backups", label: "Backups", needsInstance: true },
];

/** The account's screens, under the chats. */
const ACCOUNT_NAV: NavItem[] = [
  { to: "/settings", label: "Settings" },
  { to: "/support", label: "Support" },
];

function isCurrent(to: string, path: string): boolean {
  if (to === "/") return path === "/";
  if (to === "/openclaw") return path === "/openclaw" || path === "/create";
  return path === to || path.startsWith(`${to}/`);
}

function NavList({ items, path, label }: { items: NavItem[]; path: string; label: string }) {
  return (
    <nav aria-label={label}>
      <ul className="nav">
        {items.map((item) => (
          <li key={item.to}>
            <Link to={item.to} className={isCurrent(item.to, path) ? "nav-link nav-link-current" : "nav-link"} aria-current={isCurrent(item.to, path) ? "page" : undefined}>
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The signed-in frame: the sidebar (the OpenClaw and its screens, the chats, the account) and the screen beside it. */
export function AppShell({ children }: { children: ReactNode }) {
  const me = useMe();
  const { path } = useLocation();
  const { status } = useInstance();
  const hasInstance = status.kind === "present";
  const openclawLinks = OPENCLAW_NAV.filter((item) => hasInstance || !item.needsInstance);
  const accountLinks = [...ACCOUNT_NAV, ...(me.admin ? [{ to: "/admin", label: "Admin" }] : [])];
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
        <section className="sidebar-section" aria-labelledby="openclaw-title">
          <div className="sidebar-section-title">
            <h2 id="openclaw-title">OpenClaw</h2>
          </div>
          <output className="sidebar-status" aria-label="OpenClaw status">
            {status.kind === "present" ? (
              <>
                <StateBadge state={status.view.runtime.state} />
                <span className="muted small">{status.view.runtime.agent?.name ?? "OpenClaw"}</span>
              </>
            ) : status.kind === "none" ? (
              <Link to="/create" className="small">
                Create your OpenClaw
              </Link>
            ) : (
              <span className="muted small">Checking…</span>
            )}
          </output>
          <NavList items={openclawLinks} path={path} label="OpenClaw" />
        </section>
        <ThreadList />
        <NavList items={accountLinks} path={path} label="Account" />
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
