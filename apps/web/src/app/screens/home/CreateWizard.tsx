import type { ProviderKeySummary } from "@openclaw-cloud/contracts/web-views";
import { useEffect, useRef, useState } from "react";
import { KEYS_PATH } from "../../api/settings.ts";
import { useApiData } from "../../api/use-api.ts";
import { useInstance } from "../../instance.tsx";
import { ConfirmStep } from "./ConfirmStep.tsx";
import { CreationView } from "./CreationView.tsx";
import { EMPTY_DRAFT, type Draft } from "./draft.ts";
import { ModelStep } from "./ModelStep.tsx";
import { TelegramStep } from "./TelegramStep.tsx";
import { useCreation } from "./use-creation.ts";
import { WizardSteps } from "./WizardSteps.tsx";

const HEADINGS = ["Choose the model", "Connect Telegram", "Confirm and create"];

/**
 * Onboarding: "Create your OpenClaw" in three short steps (model, Telegram, confirm), then
 * the provisioning stages live. `onBusy` keeps this on screen while creating, although the
 * instance already exists from the first stage on.
 */
export function CreateWizard({ onBusy }: { onBusy: (busy: boolean) => void }) {
  const { reload } = useInstance();
  const keys = useApiData<{ keys: ProviderKeySummary[] }>(KEYS_PATH);
  const [step, setStep] = useState(0);
  const [draft, setDraft] = useState<Draft>(EMPTY_DRAFT);
  const creation = useCreation(reload);
  const heading = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new step (or creation starting) is what moves the focus to the heading
  useEffect(() => {
    if (first.current) first.current = false;
    else heading.current?.focus();
  }, [step, creation.progress === null]);

  const storedKeys = keys.data?.keys ?? [];
  const change = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }));
  const create = () => {
    onBusy(true);
    // Secrets leave the page's memory as soon as they are handed to the API.
    setDraft((current) => ({ ...current, key: "", botToken: "" }));
    void creation.start(draft);
  };
  const edit = () => {
    creation.reset();
    onBusy(false);
    void keys.reload();
    setStep(0);
  };

  return (
    <section className="page" aria-labelledby="create-title">
      <header className="page-header">
        <div>
          <h1 id="create-title">Create your OpenClaw</h1>
          <p className="lead">Your own AI agent gateway, running in the cloud. Three short steps.</p>
        </div>
      </header>
      <div className="card wizard-card">
        {creation.progress === null ? <WizardSteps current={step} /> : null}
        <h2 ref={heading} tabIndex={-1} className="wizard-heading">
          {creation.progress === null ? HEADINGS[step] : "Creating your OpenClaw"}
        </h2>
        {creation.progress !== null ? (
          <CreationView progress={creation.progress} error={creation.error} onEdit={edit} onFinish={() => onBusy(false)} />
        ) : step === 0 ? (
          <ModelStep draft={draft} storedKeys={storedKeys} onChange={change} onNext={() => setStep(1)} />
        ) : step === 1 ? (
          <TelegramStep draft={draft} onChange={change} onBack={() => setStep(0)} onNext={() => setStep(2)} />
        ) : (
          <ConfirmStep draft={draft} storedKeys={storedKeys} onBack={() => setStep(1)} onCreate={create} />
        )}
      </div>
    </section>
  );
}
