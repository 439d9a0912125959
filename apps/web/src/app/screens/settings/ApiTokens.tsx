import type { ApiTokenSummary, CreatedApiToken } from "@openclaw-cloud/contracts/web-views";
import { useState, type FormEvent } from "react";
import { TOKENS_PATH, createToken, revokeToken } from "../../api/settings.ts";
import { useAction, useApiData } from "../../api/use-api.ts";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { Spinner } from "../../components/Spinner.tsx";
import { Field } from "../home/Field.tsx";
import { NewToken } from "./NewToken.tsx";
import { TokenTable } from "./TokenTable.tsx";

/** API tokens for programs (the OpenAI SDK, scripts): create one, see it once, revoke it. */
export function ApiTokens() {
  const tokens = useApiData<{ tokens: ApiTokenSummary[] }>(TOKENS_PATH);
  const [name, setName] = useState("");
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const create = useAction(async () => {
    const token = await createToken(name.trim());
    setCreated(token);
    setName("");
    await tokens.reload();
  });
  const revoke = useAction(async (id: string) => {
    await revokeToken(id);
    if (created?.id === id) setCreated(null);
    await tokens.reload();
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void create.run();
  };
  return (
    <section aria-labelledby="tokens-title" className="stack">
      <div>
        <h2 id="tokens-title">API tokens</h2>
        <p className="muted">Let your own programs talk to your OpenClaw through its OpenAI-compatible endpoint. A token acts as you and uses your credits; revoke it when it is no longer needed.</p>
      </div>
      <form className="card form token-form" onSubmit={submit} aria-label="Create an API token">
        <Field label="Token name" hint={<>So you recognise it in the list later.</>}>
          {(props) => <input {...props} value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. laptop script" maxLength={128} required />}
        </Field>
        <div>
          <button type="submit" className="button button-primary" disabled={create.pending || !name.trim()}>
            {create.pending ? "Creating…" : "Create token"}
          </button>
        </div>
        <ErrorNotice error={create.error} />
      </form>
      {created ? <NewToken token={created} onDone={() => setCreated(null)} /> : null}
      <ErrorNotice error={revoke.error} />
      <ErrorNotice error={tokens.error} onRetry={() => void tokens.reload()} />
      {tokens.data === null && !tokens.error ? <Spinner label="Loading your tokens…" /> : null}
      {tokens.data ? <TokenTable tokens={tokens.data.tokens} revoking={revoke.pending} onRevoke={(id) => void revoke.run(id)} /> : null}
    </section>
  );
}
