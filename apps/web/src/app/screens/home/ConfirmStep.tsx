import type { ProviderKeySummary } from "@openclaw-cloud/contracts/web-views";
import { PROVIDER_NAMES, type Draft } from "./draft.ts";

interface ConfirmStepProps {
  draft: Draft;
  storedKeys: ProviderKeySummary[];
  onBack: () => void;
  onCreate: () => void;
}

/** Step 3: what will be created, and the button that creates it. */
export function ConfirmStep({ draft, storedKeys, onBack, onCreate }: ConfirmStepProps) {
  const own = draft.provider === "platform" ? null : draft.provider;
  const stored = own ? storedKeys.find((key) => key.provider === own) : undefined;
  return (
    <div className="stack">
      <dl className="kv" aria-label="Your choices">
        <dt>Model</dt>
        <dd>{own ? <span className="mono">{draft.model.trim()}</span> : "The platform's model"}</dd>
        {own ? (
          <>
            <dt>Provider</dt>
            <dd>{PROVIDER_NAMES[own]}</dd>
            <dt>Key</dt>
            <dd>{draft.key.trim() ? "The key you entered (saved first)" : `Your saved key ending in ${stored?.last4 ?? "…"}`}</dd>
          </>
        ) : null}
        {own === "openai-compatible" && draft.key.trim() ? (
          <>
            <dt>Base URL</dt>
            <dd className="mono">{draft.baseUrl.trim()}</dd>
          </>
        ) : null}
        <dt>Telegram</dt>
        <dd>{draft.botToken.trim() ? "Connect the bot you entered" : "Not now (you can add it under Channels)"}</dd>
      </dl>
      <p className="muted small">Creating starts your own OpenClaw gateway. It takes about 15 seconds.</p>
      <div className="row wizard-nav">
        <button type="button" className="button" onClick={onBack}>
          Back
        </button>
        <button type="button" className="button button-primary" onClick={onCreate}>
          Create my OpenClaw
        </button>
      </div>
    </div>
  );
}
