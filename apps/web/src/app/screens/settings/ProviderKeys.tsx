import type { ModelProvider } from "@openclaw-cloud/contracts";
import type { ProviderKeySummary } from "@openclaw-cloud/contracts/web-views";
import { KEYS_PATH } from "../../api/settings.ts";
import { useApiData } from "../../api/use-api.ts";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { Spinner } from "../../components/Spinner.tsx";
import { ProviderKeyCard } from "./ProviderKeyCard.tsx";

const PROVIDERS: Array<{ provider: ModelProvider; name: string; hint: string }> = [
  { provider: "anthropic", name: "Anthropic", hint: "A key from console.anthropic.com (sk-ant-…)." },
  { provider: "openai", name: "OpenAI", hint: "A key from platform.openai.com (sk-…)." },
  { provider: "openai-compatible", name: "OpenAI-compatible server", hint: "Any server speaking the OpenAI API, with its base URL." },
];

/** The person's own model provider keys: write-only, listed by their last four characters. */
export function ProviderKeys() {
  const keys = useApiData<{ keys: ProviderKeySummary[] }>(KEYS_PATH);
  return (
    <section aria-labelledby="keys-title" className="stack">
      <div>
        <h2 id="keys-title">Provider keys</h2>
        <p className="muted">
          Use your own model provider instead of the platform's model. Keys are stored encrypted and handed only to your OpenClaw; after saving, only their last four characters are shown.
        </p>
      </div>
      <ErrorNotice error={keys.error} onRetry={() => void keys.reload()} />
      {keys.data === null && !keys.error ? <Spinner label="Loading your keys…" /> : null}
      {keys.data ? (
        <div className="stack">
          {PROVIDERS.map((p) => (
            <ProviderKeyCard key={p.provider} {...p} stored={keys.data!.keys.find((k) => k.provider === p.provider)} onChanged={keys.reload} />
          ))}
        </div>
      ) : null}
    </section>
  );
}
