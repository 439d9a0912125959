import type { ChannelChange, ChannelView } from "@openclaw-cloud/contracts/web-views";
import { useState, type FormEvent } from "react";
import { removeTelegram, setTelegramToken } from "../../api/channels.ts";
import { useAction } from "../../api/use-api.ts";
import { ConfirmButton } from "../../components/ConfirmButton.tsx";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { formatDateTime } from "../../components/format.ts";
import { gatewayOutcome } from "./gateway-outcome.ts";

/** The Telegram bot: whether one is connected, its token (write-only) and removing it. */
export function TelegramCard({ channel, onChanged }: { channel: ChannelView; onChanged: () => void }) {
  const [token, setToken] = useState("");
  const [outcome, setOutcome] = useState<ReturnType<typeof gatewayOutcome> | null>(null);
  const save = useAction(setTelegramToken);
  const remove = useAction(removeTelegram);
  const busy = save.pending || remove.pending;

  const finish = (change: ChannelChange | undefined, kind: "saved" | "removed") => {
    if (change) setOutcome(gatewayOutcome(change.gateway, kind));
    // Read the channel again either way: a request cut off on its way back may still have been stored.
    onChanged();
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setOutcome(null);
    const change = await save.run(token.trim());
    // The token never stays in the page, whether it was accepted or not.
    setToken("");
    finish(change, "saved");
  };
  const removeBot = async () => {
    setOutcome(null);
    finish(await remove.run(), "removed");
  };

  return (
    <section className="card stack" aria-labelledby="telegram-title">
      <div className="card-title">
        <h2 id="telegram-title">Telegram</h2>
        {channel.configured ? <span className="badge badge-running">Bot set up</span> : <span className="badge">Not set up</span>}
      </div>
      {channel.configured ? (
        <dl className="kv">
          <dt>Bot token</dt>
          <dd className="mono">…{channel.last4}</dd>
          <dt>Saved</dt>
          <dd>{formatDateTime(channel.updatedAt)}</dd>
        </dl>
      ) : (
        <p className="muted">No Telegram bot yet. Create one with @BotFather and paste its token below.</p>
      )}
      <form className="form" onSubmit={(event) => void submit(event)}>
        <label className="field">
          {channel.configured ? "Replace the bot token" : "Bot token"}
          <input
            type="password"
            name="botToken"
            autoComplete="off"
            spellCheck={false}
            required
            value={token}
            onChange={(event) => setToken(event.target.value)}
            placeholder="123456789:AA…"
            disabled={busy}
          />
          <span className="field-hint">Saving restarts your OpenClaw with the bot, which takes up to a minute.</span>
        </label>
        <div className="row">
          <button type="submit" className="button button-primary" disabled={busy || token.trim() === ""}>
            {save.pending ? "Saving and restarting…" : channel.configured ? "Replace token" : "Save token"}
          </button>
          {channel.configured ? (
            <ConfirmButton
              danger
              disabled={busy}
              title="Remove the Telegram bot?"
              description="Your OpenClaw restarts without it and stops answering on Telegram. The bot itself stays yours in Telegram; you can add its token again later."
              confirmLabel="Yes, remove"
              onConfirm={() => void removeBot()}
            >
              {remove.pending ? "Removing…" : "Remove"}
            </ConfirmButton>
          ) : null}
        </div>
      </form>
      <ErrorNotice error={save.error ?? remove.error} />
      {outcome ? (
        <p className={`notice notice-${outcome.tone}`} role="status">
          {outcome.text}
        </p>
      ) : null}
    </section>
  );
}
