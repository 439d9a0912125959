import type { DeviceList, DmPairingList, PairedDevice } from "@openclaw-cloud/contracts/web-views";
import type { ControlUiLink, DeviceLink } from "@openclaw-cloud/contracts/web-views";
import { api } from "./http.ts";

/** Devices waiting for approval and those already paired with the person's OpenClaw. */
export const listDevices = () => api<DeviceList>("/api/openclaw/devices");

/** Lets a pending device in: it gets the roles and scopes it asked for. */
export const approveDevice = (requestId: string) => api<PairedDevice>(`/api/openclaw/devices/${encodeURIComponent(requestId)}/approve`, { method: "POST" });

export const rejectDevice = (requestId: string) => api<{ requestId: string; deviceId: string }>(`/api/openclaw/devices/${encodeURIComponent(requestId)}/reject`, { method: "POST" });

/** Direct-message pairing requests of the channel accounts (a Telegram bot's new chats). */
export const listDmPairing = () => api<DmPairingList>("/api/openclaw/pairing");

export const approveDmPairing = (request: { channel: string; accountId: string; requestId: string }) =>
  api<{ requestId: string; senderId: string; notification: unknown }>("/api/openclaw/pairing/approve", { method: "POST", json: request });

/** A short-lived link (a device ticket) one device connects to the gateway with. */
export const createDeviceLink = () => api<DeviceLink>("/api/openclaw/devices/link", { method: "POST", json: {} });

/** The Control UI on the OpenClaw's own address, with a ticket that opens it once. */
export const createControlUiLink = () => api<ControlUiLink>("/api/openclaw/control-ui/link", { method: "POST", json: {} });
