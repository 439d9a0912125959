import type { ModelProvider } from "@openclaw-cloud/contracts";
import type { ProviderKeySummary } from "@openclaw-cloud/contracts/web-views";
import { useState, type FormEvent } from "react";
import { Field } from "./Field.tsx";
import { PROVIDER_NAMES, modelStepProblem, type Draft } from "./draft.ts";

const CHOICES: Array<{ value: Draft["provider"]; title: string; text: string }> = [
  { value: "platform", title: "The platform's model", text: "Nothing to set up. Your turns are paid with your credits." },
  { value: "anthropic", title: "Your Anthropic key", text: "Claude models, billed to your Anthropic account." },
  { value: "openai", title: "Your OpenAI key", text: "GPT models, billed to your OpenAI account." },
  { value: "openai-compatible", title: "An OpenAI-compatible server", text: "Any server that speaks the OpenAI API (OpenRouter, vLLM, Ollama, …)." },
];

const MODEL_EXAMPLES: Record<ModelProvider, string> = {
  anthropic: "claude-sonnet-4-5",
  openai: "gpt-5.1",
  "openai-compatible": "llama-3.3-70b-instruct",
};

interface ModelStepProps {
  draft: Draft;
  storedKeys: ProviderKeySummary[];
  onChange: (patch: Partial<Draft>) => void;
  onNext: () => void;
}

/** Step 1: the platform's model, or the person's own provider key and model id. */
export function ModelStep({ draft, storedKeys, onChange, onNext }: ModelStepProps) {
  const [problem, setProblem] = useState<string | null>(null);
  const own = draft.provider === "platform" ? null : draft.provider;
  const stored = own ? storedKeys.find((key) => key.provider === own) : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = modelStepProblem(draft, stored);
    setProblem(found);
    if (!found) onNext();
  };
  return (
    <form className="form" onSubmit={submit} aria-label="Choose the model" noValidate>
      <fieldset className="choice-list">
        <legend className="strong wizard-legend">Which model should your OpenClaw use?</legend>
        {CHOICES.map((choice) => (
          <label key={choice.value} className="choice">
            <input type="radio" name="provider" value={choice.value} checked={draft.provider === choice.value} onChange={() => onChange({ provider: choice.value, key: "" })} />
            <span>
              <span className="strong">{choice.title}</span>
              <br />
              <span className="muted small">{choice.text}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {own ? (
        <div className="stack wizard-own">
          <Field label="Model id" hint={<>The model's name at {PROVIDER_NAMES[own]}.</>}>
            {(props) => (
              <input {...props} value={draft.model} onChange={(e) => onChange({ model: e.target.value })} placeholder={`e.g. ${MODEL_EXAMPLES[own]}`} autoComplete="off" spellCheck={false} />
            )}
          </Field>
          <Field
            label={`${PROVIDER_NAMES[own]} API key`}
            hint={<>{stored ? `Leave empty to use your saved key ending in ${stored.last4}.` : "Stored encrypted and handed only to your OpenClaw; it is never shown again."}</>}
          >
            {(props) => <input {...props} type="password" value={draft.key} onChange={(e) => onChange({ key: e.target.value })} autoComplete="off" spellCheck={false} />}
          </Field>
          {own === "openai-compatible" && (draft.key || !stored) ? (
            <Field label="Base URL" hint={<>Where the server's OpenAI API lives, usually ending in /v1.</>}>
              {(props) => <input {...props} type="url" value={draft.baseUrl} onChange={(e) => onChange({ baseUrl: e.target.value })} placeholder="https://openrouter.ai/api/v1" autoComplete="off" />}
            </Field>
          ) : null}
        </div>
      ) : null}
      {problem ? (
        <div className="notice notice-warning" role="alert">
          {problem}
        </div>
      ) : null}
      <div className="row wizard-nav">
        <button type="submit" className="button button-primary">
          Next: Telegram
        </button>
      </div>
    </form>
  );
}
