import type { BackupManifest, InstanceView } from "@openclaw-cloud/contracts/web-views";
import { api } from "./http.ts";

export const BACKUPS_PATH = "/api/openclaw/backups";

/** Newest first. */
export const listBackups = () => api<{ backups: BackupManifest[] }>(BACKUPS_PATH);

export const backUpNow = () => api<BackupManifest>("/api/openclaw/backup", { method: "POST" });

/** Restores the backup into a fresh state and starts the gateway on it (about 15 s). */
export const restoreBackup = (id: string) => api<InstanceView>("/api/openclaw/restore", { method: "POST", json: { id } });
