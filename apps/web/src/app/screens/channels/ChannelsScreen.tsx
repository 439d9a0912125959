import type { ChannelList } from "@openclaw-cloud/contracts/web-views";
import { useApiData } from "../../api/use-api.ts";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { Spinner } from "../../components/Spinner.tsx";
import { TelegramCard } from "./TelegramCard.tsx";
import { TelegramHowTo } from "./TelegramHowTo.tsx";

/** Messaging channels of the person's OpenClaw: today a Telegram bot. */
export function ChannelsScreen() {
  const channels = useApiData<ChannelList>("/api/openclaw/channels");
  return (
    <section className="page" aria-labelledby="channels-title">
      <header className="page-header">
        <div>
          <h1 id="channels-title">Channels</h1>
          <p className="lead">Let people talk to your OpenClaw from a messaging app.</p>
        </div>
      </header>
      <ErrorNotice error={channels.error} onRetry={() => void channels.reload()} />
      {!channels.data && channels.loading && !channels.error ? <Spinner label="Loading channels…" /> : null}
      {channels.data ? (
        <div className="channel-layout">
          <TelegramCard channel={channels.data.telegram} onChanged={() => void channels.reload()} />
          <TelegramHowTo />
        </div>
      ) : null}
    </section>
  );
}
