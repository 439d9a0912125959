import type { GatewayReconfiguration } from "@openclaw-cloud/contracts/web-views";

/**
 * What happened to the running gateway after a channel change, in words, and how it
 * reads (success, info, warning). Pure.
 */
export function gatewayOutcome(gateway: GatewayReconfiguration, change: "saved" | "removed"): { tone: "success" | "info" | "warning"; text: string } {
  const what = change === "saved" ? "The bot token is saved" : "The Telegram bot is removed";
  const withIt = change === "saved" ? "with it" : "without it";
  if (gateway.reconfigured) {
    return { tone: "success", text: `${what} and your OpenClaw restarted ${withIt} (now ${STATE_WORDS[gateway.state] ?? gateway.state}).` };
  }
  if (gateway.reason === "no_instance") {
    return { tone: "info", text: `${what}. Your OpenClaw picks it up when you create it.` };
  }
  return {
    tone: "warning",
    text: `${what}, but your OpenClaw could not be restarted ${withIt} (${gateway.error.message}). Restart it from the OpenClaw page to apply the change.`,
  };
}

const STATE_WORDS: Record<string, string> = {
  running: "running",
  starting: "starting",
  sleeping: "asleep",
  provisioning: "being created",
  stopping: "stopping",
  error: "failed to start",
  absent: "not created",
};
