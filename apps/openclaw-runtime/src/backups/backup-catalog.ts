import { z } from "zod";

/**
 * Point-in-time backups in R2, one archive + one manifest per snapshot under the
 * tenant's own prefix. Nothing here mirrors the sandbox: a snapshot never changes
 * after it is written and only retention deletes old ones.
 */
/** Why a backup was made; `restore` is the safety backup a restore takes of the state it replaces. */
export const BackupReasonSchema = z.enum(["manual", "scheduled", "sleep", "destroy", "restore"]);
export type BackupReason = z.infer<typeof BackupReasonSchema>;

export const BackupManifestSchema = z.object({
  id: z.string().regex(/^\d{8}T\d{9}Z-[a-z0-9]{6}$/),
  tenantId: z.string(),
  createdAt: z.string(),
  reason: BackupReasonSchema,
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[a-f0-9]{64}$/),
  openclawVersion: z.string().nullable(),
  archiveKey: z.string(),
});
export type BackupManifest = z.infer<typeof BackupManifestSchema>;

export const BackupIdSchema = BackupManifestSchema.shape.id;

export function tenantBackupPrefix(tenantId: string): string {
  return `tenants/${tenantId}/backups/`;
}

/** Ids sort by time, so the newest is the lexicographically greatest. */
export function newBackupId(now: Date, random: string): string {
  const stamp = now.toISOString().replace(/[-:]/g, "").replace(".", "");
  return `${stamp}-${random}`;
}

export function backupKeys(tenantId: string, id: string): { archive: string; manifest: string } {
  const prefix = tenantBackupPrefix(tenantId);
  return { archive: `${prefix}${id}.tar.gz`, manifest: `${prefix}${id}.json` };
}

export function manifestIdFromKey(tenantId: string, key: string): string | null {
  const prefix = tenantBackupPrefix(tenantId);
  if (!key.startsWith(prefix) || !key.endsWith(".json")) return null;
  const id = key.slice(prefix.length, -".json".length);
  return BackupIdSchema.safeParse(id).success ? id : null;
}

/**
 * The ids retention removes: everything beyond the newest `keep` (at least one), except the
 * newest backup of each reason, so a run of scheduled ones never pushes out the last manual
 * backup or the safety backup taken before a restore.
 */
export function idsBeyondRetention(backups: Pick<BackupManifest, "id" | "reason">[], keep: number): string[] {
  const newestFirst = [...backups].sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  const kept = new Set(newestFirst.slice(0, Math.max(1, keep)).map((backup) => backup.id));
  const reasonsSeen = new Set<BackupReason>();
  for (const backup of newestFirst) {
    if (reasonsSeen.has(backup.reason)) continue;
    reasonsSeen.add(backup.reason);
    kept.add(backup.id);
  }
  return newestFirst.filter((backup) => !kept.has(backup.id)).map((backup) => backup.id);
}

/** Newest first. */
export function sortNewestFirst(manifests: BackupManifest[]): BackupManifest[] {
  return [...manifests].sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}
