import { Link } from "../../router.tsx";
import { ADMIN_TABS, type AdminTabId } from "./admin-view.ts";

/** The admin area's tabs: links, so each tab has its own address and works with back and forward. */
export function AdminTabs({ current }: { current: AdminTabId }) {
  return (
    <nav className="tabs" aria-label="Admin sections">
      {ADMIN_TABS.map((tab) => (
        <Link key={tab.id} to={tab.id === "users" ? "/admin" : `/admin/${tab.id}`} className="tab" aria-current={tab.id === current ? "page" : undefined}>
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
