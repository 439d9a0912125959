/**
 * Channels the platform configures (packages/gateway-config): their ids are what OpenClaw's
 * `/readyz` lists under `failing` when a channel account cannot connect.
 */
const CHANNEL_IDS: ReadonlySet<string> = new Set(["telegram"]);

/**
 * Whether a gateway can take requests, from its `/readyz` answer. 200 is ready. A 503 whose
 * only failures are channel accounts counts as ready too: OpenClaw marks the gateway not
 * ready while e.g. Telegram cannot be reached (docs/gateway/health.md: "A broken Telegram
 * or other channel account can also make /readyz return 503"), yet chat, sessions and
 * pairing work. Without this, a bot token Telegram refuses, an outage at Telegram or a
 * machine without internet would keep the whole gateway from ever starting. Anything else
 * (starting, draining, an agent database refused, a plugin reload) is not ready. Pure.
 *
 * @example isReadyAnswer(503, { ready: false, failing: ["telegram"] }) // true
 */
export function isReadyAnswer(status: number, body: unknown): boolean {
  if (status === 200) return true;
  if (status !== 503 || typeof body !== "object" || body === null) return false;
  const failing = (body as { failing?: unknown }).failing;
  return Array.isArray(failing) && failing.length > 0 && failing.every((entry) => typeof entry === "string" && CHANNEL_IDS.has(entry));
}
