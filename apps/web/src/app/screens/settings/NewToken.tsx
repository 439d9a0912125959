import type { CreatedApiToken } from "@openclaw-cloud/contracts/web-views";
import { useEffect, useRef } from "react";
import { CopyButton } from "../../components/CopyButton.tsx";
import { openaiExample } from "./openai-example.ts";

/** A token right after creation: shown this once, with a copy button and an example that uses it. */
export function NewToken({ token, onDone }: { token: CreatedApiToken; onDone: () => void }) {
  const example = openaiExample(token.token, window.location.origin);
  const heading = useRef<HTMLHeadingElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new token (its id) is what moves the focus to its heading
  useEffect(() => heading.current?.focus(), [token.id]);
  return (
    <section className="card new-token" aria-labelledby="new-token-title">
      <h3 id="new-token-title" ref={heading} tabIndex={-1}>
        Your new token “{token.name}”
      </h3>
      <div className="notice notice-warning">Copy it now. It is shown only this once; we keep only a fingerprint of it.</div>
      <div className="row token-row">
        <output className="mono token-value" aria-label="The new API token">
          {token.token}
        </output>
        <CopyButton text={token.token} label="Copy token" />
      </div>
      <div className="stack">
        <div className="row row-between">
          <span className="strong small">Use it with the openai SDK (npm install openai)</span>
          <CopyButton text={example} label="Copy example" />
        </div>
        <pre>
          <code>{example}</code>
        </pre>
      </div>
      <div>
        <button type="button" className="button" onClick={onDone}>
          I have copied it
        </button>
      </div>
    </section>
  );
}
