import type { FormEvent } from "react";
import { Field } from "./Field.tsx";
import type { Draft } from "./draft.ts";

interface TelegramStepProps {
  draft: Draft;
  onChange: (patch: Partial<Draft>) => void;
  onBack: () => void;
  onNext: () => void;
}

/** Step 2 (optional): a Telegram bot token, so people can talk to the agent from Telegram. */
export function TelegramStep({ draft, onChange, onBack, onNext }: TelegramStepProps) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onNext();
  };
  return (
    <form className="form" onSubmit={submit} aria-label="Connect Telegram">
      <p className="muted">
        Optional. Create a bot with <strong>@BotFather</strong> in Telegram (send it <code>/newbot</code>) and paste the token it gives you. People who message the bot are asked to pair first; you
        approve them under Channels. You can also do this later.
      </p>
      <Field label="Telegram bot token (optional)" hint={<>Stored encrypted and handed only to your OpenClaw; it is never shown again.</>}>
        {(props) => (
          <input {...props} type="password" value={draft.botToken} onChange={(e) => onChange({ botToken: e.target.value })} placeholder="123456789:AA…" autoComplete="off" spellCheck={false} />
        )}
      </Field>
      <div className="row wizard-nav">
        <button type="button" className="button" onClick={onBack}>
          Back
        </button>
        <button type="submit" className="button button-primary">
          {draft.botToken.trim() ? "Next: Confirm" : "Skip for now"}
        </button>
      </div>
    </form>
  );
}
