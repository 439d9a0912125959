import type { DeviceList, GatewayLogs, UserSupportView } from "@openclaw-cloud/contracts/web-views";
import { api } from "./http.ts";

export const LOGS_PATH = "/api/openclaw/logs";
export const DEVICES_PATH = "/api/openclaw/devices";

/** The gateway's recent output (secrets redacted by the runtime). */
export const getLogs = () => api<GatewayLogs>(LOGS_PATH);

export const getDevices = () => api<DeviceList>(DEVICES_PATH);

/** For admins: any user's instance, as support sees it, with its recent logs. */
export const userSupportPath = (userId: string) => `/api/admin/users/${encodeURIComponent(userId)}/instance`;
export const getUserSupport = (userId: string) => api<UserSupportView>(userSupportPath(userId));
