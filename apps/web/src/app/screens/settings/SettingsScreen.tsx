import type { KeyboardEvent } from "react";
import { navigate, useLocation } from "../../router.tsx";
import { ApiTokens } from "./ApiTokens.tsx";
import { Credits } from "./Credits.tsx";
import { ProviderKeys } from "./ProviderKeys.tsx";

const TABS = [
  { id: "keys", label: "Provider keys" },
  { id: "tokens", label: "API tokens" },
  { id: "credits", label: "Credits" },
] as const;
type TabId = (typeof TABS)[number]["id"];

/** `/settings`: provider keys, API tokens and credits, one tab each (`?tab=` keeps the choice in the address). */
export function SettingsScreen() {
  const { query } = useLocation();
  const asked = query.get("tab");
  const current: TabId = TABS.some((tab) => tab.id === asked) ? (asked as TabId) : "keys";
  const select = (id: TabId) => navigate(id === "keys" ? "/settings" : `/settings?tab=${id}`, { replace: true });
  const moveFocus = (event: KeyboardEvent, index: number) => {
    const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
    if (!step) return;
    const next = TABS[(index + step + TABS.length) % TABS.length]!;
    select(next.id);
    document.getElementById(`tab-${next.id}`)?.focus();
  };
  return (
    <section className="page" aria-labelledby="settings-title">
      <header className="page-header">
        <div>
          <h1 id="settings-title">Settings</h1>
          <p className="lead">Your model provider keys, API tokens and credits.</p>
        </div>
      </header>
      <div className="tabs" role="tablist" aria-label="Settings">
        {TABS.map((tab, index) => (
          <button
            key={tab.id}
            id={`tab-${tab.id}`}
            type="button"
            role="tab"
            className="tab"
            aria-selected={tab.id === current}
            aria-controls={`panel-${tab.id}`}
            tabIndex={tab.id === current ? 0 : -1}
            onClick={() => select(tab.id)}
            onKeyDown={(event) => moveFocus(event, index)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${current}`} aria-labelledby={`tab-${current}`}>
        {current === "keys" ? <ProviderKeys /> : current === "tokens" ? <ApiTokens /> : <Credits />}
      </div>
    </section>
  );
}
