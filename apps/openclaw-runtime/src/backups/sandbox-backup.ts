/**
 * Moving a tenant's state between its sandbox and R2: the launcher makes an archive in the
 * sandbox (OpenClaw's own `backup create`), which streams to R2; a restore streams an
 * archive from R2 to where the launcher looks for it. Archives are never held whole in the
 * Durable Object's memory. The bookkeeping (last backup, failures) stays with the caller.
 */
import { SANDBOX_LAYOUT } from "@openclaw-cloud/contracts";
import type { SandboxDriver } from "../driver/sandbox-driver.ts";
import { RuntimeError } from "../http/errors.ts";
import { failureReason } from "../logs/gateway-logs.ts";
import { newBackupId, type BackupManifest, type BackupReason } from "./backup-catalog.ts";
import type { BackupStore } from "./backup-store.ts";

/** Where the launcher looks for an archive to restore into a fresh state directory. */
export const RESTORE_ARCHIVE_PATH = SANDBOX_LAYOUT.restoreArchive;

const BACKUP_TIMEOUT_MS = 300_000;
const RESTORE_TIMEOUT_MS = 120_000;

export interface BackupRequest {
  reason: BackupReason;
  openclawVersion: string | null;
  /** How many backups of each reason R2 keeps (backup-catalog.ts). */
  retention: number;
  /** Kept out of the failure message, which the status shows. */
  secrets: string[];
}

/** One backup of the sandbox's state into the store, retention applied after it. */
export async function backUpSandbox(driver: SandboxDriver, store: BackupStore, request: BackupRequest): Promise<BackupManifest> {
  const id = newBackupId(new Date(), randomSuffix());
  const output = `backups/${id}.tar.gz`;
  const result = await driver.exec(["openclaw-cloud-gateway", "backup", "--output", output], { timeoutMs: BACKUP_TIMEOUT_MS });
  if (result.exitCode !== 0) throw new RuntimeError("backup_failed", 500, `backup failed: ${failureReason(result, request.secrets)}`);
  const made = parseBackupReport(result.stdout);
  const archive = await driver.readFile(output);
  if (!archive) throw new RuntimeError("backup_failed", 500, "backup archive missing after create");
  const manifest = await store.put({ id, createdAt: new Date().toISOString(), reason: request.reason, bytes: made.bytes, sha256: made.sha256, openclawVersion: request.openclawVersion }, archive);
  await driver.deleteFile(output);
  await store.applyRetention(request.retention);
  return manifest;
}

/** Streams a backup's archive from R2 to where the launcher restores it from at its next start. */
export async function placeArchive(driver: SandboxDriver, store: BackupStore, manifest: BackupManifest): Promise<void> {
  const archive = await store.openArchive(manifest);
  if (!archive) throw new RuntimeError("backup_not_found", 404, `backup ${manifest.id} has no archive`);
  await driver.writeFile(RESTORE_ARCHIVE_PATH, archive);
}

/**
 * Replaces the state of a sandbox that runs no gateway with a backup's: the archive from R2,
 * then the launcher's `restore` (OpenClaw's `backup restore`, verified, renamed into place).
 */
export async function restoreIntoSandbox(driver: SandboxDriver, store: BackupStore, manifest: BackupManifest, secrets: string[]): Promise<void> {
  await placeArchive(driver, store, manifest);
  const result = await driver.exec(["openclaw-cloud-gateway", "restore", "--input", RESTORE_ARCHIVE_PATH], { timeoutMs: RESTORE_TIMEOUT_MS });
  if (result.exitCode !== 0) throw new RuntimeError("restore_failed", 500, `restore failed: ${failureReason(result, secrets)}`);
}

/** The launcher's `backup` prints one JSON line describing the archive it wrote. Pure. */
export function parseBackupReport(stdout: string): { bytes: number; sha256: string } {
  const line = stdout
    .trim()
    .split("\n")
    .reverse()
    .find((l) => l.startsWith("{"));
  let parsed: { bytes?: unknown; sha256?: unknown } = {};
  try {
    parsed = line ? (JSON.parse(line) as typeof parsed) : {};
  } catch {
    // reported below, like a line without the fields
  }
  if (typeof parsed.bytes !== "number" || typeof parsed.sha256 !== "string") {
    throw new RuntimeError("backup_failed", 500, "backup did not report its archive size and digest");
  }
  return { bytes: parsed.bytes, sha256: parsed.sha256 };
}

function randomSuffix(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(6)), (b) => "abcdefghijklmnopqrstuvwxyz0123456789"[b % 36]).join("");
}
