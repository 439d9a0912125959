import type { ChannelChange, ChannelList } from "@openclaw-cloud/contracts/web-views";
import { api } from "./http.ts";

/** Which messaging channels the person's OpenClaw has (today: a Telegram bot), never their secrets. */
export const listChannels = () => api<ChannelList>("/api/openclaw/channels");

/** Stores a new Telegram bot token (write-only) and hands it to the running gateway. */
export const setTelegramToken = (botToken: string) => api<ChannelChange>("/api/openclaw/channels/telegram", { method: "PUT", json: { botToken } });

export const removeTelegram = () => api<ChannelChange>("/api/openclaw/channels/telegram", { method: "DELETE" });
