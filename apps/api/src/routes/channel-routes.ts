import { TelegramBotTokenSchema } from "@openclaw-cloud/contracts";
import type { ChannelSecretSummary } from "@openclaw-cloud/convex-client";
import { readJsonBody } from "@openclaw-cloud/http-kit";
import { z } from "zod";
import { auditInBackground } from "../http/audit.ts";
import type { ApiApp, ApiContext } from "../http/context.ts";
import { parseParam } from "../http/params.ts";
import { reconfigureGateway } from "../instances/reconfigure.ts";

const ChannelParamSchema = z.enum(["telegram"], { error: "the only channel is telegram" });
// zod's issues carry a path and a message, never the value: a refused token is not echoed.
const SetTelegramSchema = z.strictObject({ botToken: TelegramBotTokenSchema });

/** How the website shows a channel: whether it is connected, and the secret's last 4 only. */
export interface ChannelView {
  configured: boolean;
  last4: string | null;
  updatedAt: number | null;
}

function viewOf(summary: ChannelSecretSummary | undefined): ChannelView {
  return summary ? { configured: true, last4: summary.last4, updatedAt: summary.updatedAt } : { configured: false, last4: null, updatedAt: null };
}

function channelParam(c: ApiContext): "telegram" {
  return parseParam(ChannelParamSchema, c.req.param("channel"), "channel");
}

/**
 * Messaging channels of the user's gateway (today: a Telegram bot). The bot token is stored
 * encrypted by Convex, like a provider key, and never returned; changing it hands the
 * running gateway its new settings straight away (which restarts it).
 */
export function channelRoutes(app: ApiApp): void {
  app.get("/api/openclaw/channels", async (c) => {
    const stored = await c.get("convex").listChannelSecrets(c.get("principal").user.id);
    return c.json({ telegram: viewOf(stored.find((s) => s.channel === "telegram")) });
  });

  app.put("/api/openclaw/channels/:channel", async (c) => {
    const channel = channelParam(c);
    const { botToken } = await readJsonBody(c.req.raw, SetTelegramSchema);
    const { user } = c.get("principal");
    const summary = await c.get("convex").setChannelSecret({ ownerId: user.id, channel, secret: botToken });
    auditInBackground(c, "channel.set", user.id, { channel });
    return c.json({ channel: viewOf(summary), gateway: await reconfigureGateway(c) });
  });

  app.delete("/api/openclaw/channels/:channel", async (c) => {
    const channel = channelParam(c);
    const { user } = c.get("principal");
    await c.get("convex").deleteChannelSecret({ ownerId: user.id, channel });
    auditInBackground(c, "channel.delete", user.id, { channel });
    return c.json({ channel: viewOf(undefined), gateway: await reconfigureGateway(c) });
  });
}
