import type { ModelProvider } from "@openclaw-cloud/contracts";
import type { GatewayReconfiguration, ProviderKeySummary } from "@openclaw-cloud/contracts/web-views";
import { useState, type FormEvent } from "react";
import { deleteKey, saveKey } from "../../api/settings.ts";
import { useAction } from "../../api/use-api.ts";
import { ConfirmButton } from "../../components/ConfirmButton.tsx";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { Spinner } from "../../components/Spinner.tsx";
import { formatDateTime } from "../../components/format.ts";
import { Field } from "../home/Field.tsx";
import { gatewayOutcome } from "./gateway-outcome.ts";

interface ProviderKeyCardProps {
  provider: ModelProvider;
  name: string;
  hint: string;
  stored: ProviderKeySummary | undefined;
  onChanged: () => Promise<void>;
}

/** One provider: its stored key (last four, base URL, when), a write-only input to set or replace it, and delete. */
export function ProviderKeyCard({ provider, name, hint, stored, onChanged }: ProviderKeyCardProps) {
  const [key, setKey] = useState("");
  const [baseUrl, setBaseUrl] = useState(stored?.baseUrl ?? "");
  const [outcome, setOutcome] = useState<{ change: "saved" | "deleted"; gateway: GatewayReconfiguration } | null>(null);
  const [working, setWorking] = useState<"save" | "delete" | null>(null);
  const needsBaseUrl = provider === "openai-compatible";
  const action = useAction(async (work: "save" | "delete") => {
    setWorking(work);
    setOutcome(null);
    try {
      if (work === "save") {
        const answer = await saveKey(provider, key.trim(), needsBaseUrl ? baseUrl.trim() : undefined);
        setKey("");
        setOutcome({ change: "saved", gateway: answer.gateway });
      } else {
        const answer = await deleteKey(provider);
        setOutcome({ change: "deleted", gateway: answer.gateway });
      }
      await onChanged();
    } finally {
      setWorking(null);
    }
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void action.run("save");
  };
  const said = outcome ? gatewayOutcome(outcome.change, outcome.gateway) : null;
  const inputId = `key-${provider}`;
  return (
    <article className="card" aria-labelledby={`${inputId}-title`}>
      <div className="card-title">
        <h3 id={`${inputId}-title`}>{name}</h3>
        {stored ? <span className="badge badge-running">Key saved</span> : <span className="badge">No key</span>}
      </div>
      {stored ? (
        <dl className="kv key-summary">
          <dt>Key</dt>
          <dd className="mono">••••{stored.last4}</dd>
          {stored.baseUrl ? (
            <>
              <dt>Base URL</dt>
              <dd className="mono">{stored.baseUrl}</dd>
            </>
          ) : null}
          <dt>Saved</dt>
          <dd>{formatDateTime(stored.updatedAt)}</dd>
        </dl>
      ) : null}
      <form className="form key-form" onSubmit={submit} aria-label={`${stored ? "Replace" : "Set"} the ${name} key`}>
        <div className="key-fields">
          <Field label={stored ? `New ${name} key` : `${name} key`} hint={<>{hint}</>}>
            {(props) => <input {...props} type="password" value={key} onChange={(e) => setKey(e.target.value)} autoComplete="off" spellCheck={false} required />}
          </Field>
          {needsBaseUrl ? (
            <Field label="Base URL" hint={<>Usually ends in /v1.</>}>
              {(props) => <input {...props} type="url" value={baseUrl} onChange={(e) => setBaseUrl(e.target.value)} placeholder="https://openrouter.ai/api/v1" required />}
            </Field>
          ) : null}
        </div>
        <div className="row">
          <button type="submit" className="button button-primary" disabled={working !== null || !key.trim() || (needsBaseUrl && !baseUrl.trim())}>
            {working === "save" ? "Saving…" : stored ? "Replace key" : "Save key"}
          </button>
          {stored ? (
            <ConfirmButton
              danger
              title={`Delete your ${name} key?`}
              description="If your OpenClaw uses this provider, it restarts on the platform's model instead (about 10 seconds)."
              confirmLabel="Yes, delete"
              onConfirm={() => void action.run("delete")}
              disabled={working !== null}
            >
              {working === "delete" ? "Deleting…" : "Delete key"}
            </ConfirmButton>
          ) : null}
        </div>
      </form>
      {working ? <Spinner label={`${working === "save" ? "Saving" : "Deleting"}; a running OpenClaw restarts with its new settings (about 10 seconds)…`} /> : null}
      {said ? (
        <div className={`notice notice-${said.tone}`} role="status">
          <span>{said.text}</span>
        </div>
      ) : null}
      <ErrorNotice error={action.error} />
    </article>
  );
}
