import { Link } from "../../router.tsx";

/** The few steps from nothing to a Telegram chat with the person's OpenClaw. */
export function TelegramHowTo() {
  return (
    <aside className="card" aria-labelledby="telegram-howto-title">
      <h2 id="telegram-howto-title">How to connect Telegram</h2>
      <ol className="howto">
        <li>
          In Telegram, open a chat with{" "}
          <a href="https://t.me/BotFather" target="_blank" rel="noopener noreferrer">
            @BotFather
          </a>
          , send <code>/newbot</code> and follow its questions (a name, then a username ending in <code>bot</code>).
        </li>
        <li>
          BotFather answers with the bot's token, like <code>123456789:AAF…</code>. Paste it here and save.
        </li>
        <li>
          Send your bot a message. It answers with a pairing code, and the request shows up on the <Link to="/devices">Devices</Link> page. Approve it there and the bot talks with your OpenClaw.
        </li>
      </ol>
      <p className="small muted">The token is stored encrypted and never shown again; only its last four characters are.</p>
    </aside>
  );
}
