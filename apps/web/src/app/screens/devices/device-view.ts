import { PLATFORM_CLIENT_PLATFORM } from "@openclaw-cloud/contracts/gateway-clients";
import type { DeviceDescription, DmPairingList } from "@openclaw-cloud/contracts/web-views";

/**
 * How a device and a pairing request read on the Devices screen. Pure: only wording and
 * grouping of what the API answered, no decisions.
 */

/** The name a person recognises: its display name, else its platform and a short id. */
export function deviceName(device: Pick<DeviceDescription, "deviceId" | "displayName" | "platform" | "clientId">): string {
  if (device.platform === PLATFORM_CLIENT_PLATFORM) return "OpenClaw Cloud (this website's own connection)";
  const name = device.displayName?.trim();
  if (name) return name;
  const kind = device.platform?.trim() || device.clientId?.trim() || "Device";
  return `${kind} ${shortId(device.deviceId)}`;
}

/** The first 8 characters of a long id, enough to tell devices apart. */
export function shortId(id: string): string {
  return id.length > 10 ? `${id.slice(0, 8)}…` : id;
}

/** "node", "operator and node"; "none" when it asks for nothing. */
export function listWords(items: readonly string[]): string {
  if (items.length === 0) return "none";
  if (items.length === 1) return items[0]!;
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/** "linux (node-host, node mode)": what kind of client it is, from whatever it told the gateway. */
export function deviceKind(device: Pick<DeviceDescription, "platform" | "deviceFamily" | "clientId" | "clientMode">): string {
  const parts = [device.platform, device.deviceFamily].filter((part): part is string => Boolean(part?.trim()));
  // "linux" and "Linux" say the same once.
  const base = parts.filter((part, i) => parts.findIndex((other) => other.toLowerCase() === part.toLowerCase()) === i).join(" ") || "unknown platform";
  const client = [device.clientId, device.clientMode ? `${device.clientMode} mode` : null].filter(Boolean).join(", ");
  return client ? `${base} (${client})` : base;
}

export interface DmAccountGroup {
  channel: string;
  accountId: string;
  label: string;
  requests: DmPairingList["requests"];
}

/** DM pairing requests grouped under their channel account; accounts without requests stay listed. */
export function groupDmRequests(list: DmPairingList): DmAccountGroup[] {
  const groups = new Map<string, DmAccountGroup>();
  const keyOf = (channel: string, accountId: string) => `${channel}\u0000${accountId}`;
  for (const account of list.accounts) {
    groups.set(keyOf(account.channel, account.accountId), { ...account, label: accountLabel(account), requests: [] });
  }
  for (const request of list.requests) {
    const key = keyOf(request.channel, request.accountId);
    let group = groups.get(key);
    if (!group) {
      group = { channel: request.channel, accountId: request.accountId, label: accountLabel(request), requests: [] };
      groups.set(key, group);
    }
    group.requests.push(request);
  }
  return [...groups.values()];
}

function accountLabel(account: { channel: string; accountId: string; label?: string }): string {
  const channel = account.channel.charAt(0).toUpperCase() + account.channel.slice(1);
  const label = account.label?.trim();
  const name = (label && label.toLowerCase() !== account.channel.toLowerCase() ? label : "") || (account.accountId === "default" ? "" : account.accountId);
  return name ? `${channel}: ${name}` : channel;
}

/** "expires in 4 minutes" / "expired": how long a link or request still holds, from now. */
export function expiresIn(expiresAt: string | number, now: number): string {
  const at = typeof expiresAt === "number" ? expiresAt : Date.parse(expiresAt);
  if (Number.isNaN(at)) return "expiry unknown";
  const seconds = Math.round((at - now) / 1000);
  if (seconds <= 0) return "expired";
  if (seconds < 90) return `expires in ${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 90) return `expires in ${minutes} minutes`;
  return `expires in ${Math.round(minutes / 60)} hours`;
}

/**
 * The command that runs an OpenClaw node against the link (docs/api.md, "Connecting a
 * device"): `openclaw node run` with the link's host, port and TLS, and its path with the
 * ticket as the WebSocket context path (OpenClaw appends it to the URL as it is).
 *
 * @example nodeCommand("wss://site.example/gateway/u-1/?ticket=t")
 *   // openclaw node run --host site.example --port 443 --tls --context-path "/gateway/u-1/?ticket=t" --display-name "My computer"
 */
export function nodeCommand(wsUrl: string, displayName = "My computer"): string {
  const url = new URL(wsUrl);
  const tls = url.protocol === "wss:";
  const port = url.port || (tls ? "443" : "80");
  return [
    "openclaw node run",
    `--host ${url.hostname}`,
    `--port ${port}`,
    tls ? "--tls" : "--no-tls",
    `--context-path "${url.pathname}${url.search}"`,
    `--display-name "${displayName.replace(/["\\$`]/g, "")}"`,
  ].join(" ");
}
