import { isAbsolute, normalize, sep } from "node:path";
import { z } from "zod";
import { isWithin } from "./sandbox-paths.ts";

/**
 * Parses the JSON document an `openclaw ... --json` command prints. Anything before the
 * first line that opens the document (a stray warning) is ignored.
 */
export function parseJsonOutput(stdout: string): unknown {
  const start = stdout.search(/^[{[]/m);
  if (start < 0) throw new Error("openclaw printed no JSON");
  return JSON.parse(stdout.slice(start));
}

/**
 * Why an `openclaw ... --json` command failed: the `{ ok: false, error: { message } }` document
 * it prints on stdout, else its `Reason:` line, else its last output line.
 */
export function failureMessage(output: { code: number; stdout: string; stderr: string }): string {
  try {
    const message = (parseJsonOutput(output.stdout) as { error?: { message?: unknown } }).error?.message;
    if (typeof message === "string") return message;
  } catch {
    // Not a JSON failure document: fall back to the text output.
  }
  const lines = `${output.stderr}\n${output.stdout}`
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  const reason = lines.find((line) => line.startsWith("[openclaw] Reason: "))?.slice("[openclaw] Reason: ".length);
  return (reason ?? lines.at(-1) ?? `exit code ${output.code}`).slice(0, 500);
}

/** `openclaw backup create --json` (docs/cli/backup.md); other fields pass through. */
export const BackupCreateResultSchema = z.looseObject({
  createdAt: z.string(),
  archiveRoot: z.string(),
  archivePath: z.string(),
  verified: z.boolean(),
});
export type BackupCreateResult = z.infer<typeof BackupCreateResultSchema>;

/** What the launcher's `backup` prints: one JSON line. */
export type BackupReport = {
  /** The archive, relative to SANDBOX_HOME, as requested. */
  path: string;
  bytes: number;
  sha256: string;
  createdAt: string;
  openclawVersion: string;
  durationMs: number;
} & Omit<BackupCreateResult, "archivePath" | "createdAt">;

export function backupReport(openclaw: BackupCreateResult, archive: { path: string; bytes: number; sha256: string }, run: { openclawVersion: string; durationMs: number }): BackupReport {
  const { archivePath: _absolute, createdAt, ...rest } = openclaw;
  return { ...archive, createdAt, openclawVersion: run.openclawVersion, durationMs: run.durationMs, ...rest };
}

/** `manifest.json` at the root of a backup archive (docs/install/backups.md). */
const ArchiveManifestSchema = z.looseObject({
  schemaVersion: z.literal(1),
  createdAt: z.string(),
  runtimeVersion: z.string(),
  assets: z.array(z.looseObject({ kind: z.string(), sourcePath: z.string(), archivePath: z.string() })),
});
export type ArchiveManifest = z.infer<typeof ArchiveManifestSchema>;

/**
 * The archive path of the state directory inside a backup. Platform gateways keep config,
 * workspace and agent directories inside the state directory, so their archives hold exactly
 * one `state` asset that covers every other source; anything else was not made here.
 */
export function stateAssetOf(manifestJson: unknown): { archivePath: string; manifest: ArchiveManifest } {
  const manifest = ArchiveManifestSchema.parse(manifestJson);
  const states = manifest.assets.filter((asset) => asset.kind === "state");
  const [state] = states;
  if (!state || states.length > 1) throw new Error(`backup archive has ${states.length} state assets, expected 1`);
  const outside = manifest.assets.filter((asset) => !isWithin(state.sourcePath, asset.sourcePath));
  if (outside.length > 0) {
    throw new Error(`backup archive has assets outside its state directory: ${outside.map((a) => a.kind).join(", ")}`);
  }
  if (isAbsolute(state.archivePath) || normalize(state.archivePath).split(sep).includes("..")) {
    throw new Error("backup archive state path is not relative");
  }
  return { archivePath: state.archivePath, manifest };
}
