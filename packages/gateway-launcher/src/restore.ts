import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rename, rm } from "node:fs/promises";
import { join, relative } from "node:path";
import { z } from "zod";
import { LauncherError } from "./errors.ts";
import { openclawEnv } from "./launcher-env.ts";
import { runOpenclaw, type Openclaw } from "./openclaw-cli.ts";
import { failureMessage, parseJsonOutput, stateAssetOf } from "./openclaw-output.ts";
import type { SandboxPaths } from "./sandbox-paths.ts";

/** `openclaw backup restore --json` (docs/cli/backup.md); other fields are not needed. */
const RestoreResultSchema = z.looseObject({
  archiveRoot: z.string(),
  entryCount: z.number(),
  warnings: z.array(z.string()).default([]),
});

/** What the launcher's `restore` prints: one JSON line. */
export type RestoreSummary = {
  /** The archive, relative to SANDBOX_HOME. */
  path: string;
  /** When the archive was created. */
  createdAt: string;
  /** The OpenClaw version that created it. */
  openclawVersion: string;
  entryCount: number;
  durationMs: number;
  warnings: string[];
};

const STAGING_PREFIX = "staging-";

/**
 * Replaces the state directory with the one inside `archive`. OpenClaw never restores in place:
 * `openclaw backup restore` verifies the archive and extracts it into a fresh staging directory;
 * the manifest's state asset is then renamed into place (same filesystem, so the live
 * directory is either the old state or the complete new one). The caller makes sure no
 * gateway is running on this state.
 */
export async function restoreArchive(openclaw: Openclaw, paths: SandboxPaths, archive: string, env: Readonly<Record<string, string | undefined>>): Promise<RestoreSummary> {
  const started = performance.now();
  await mkdir(paths.restoreDir, { recursive: true, mode: 0o700 });
  await removeStaleStaging(paths.restoreDir);
  const staging = await mkdtemp(join(paths.restoreDir, STAGING_PREFIX));
  try {
    const result = await runOpenclaw(openclaw, ["backup", "restore", archive, "--target", staging, "--json"], openclawEnv(env, paths), paths.home);
    if (result.code !== 0) throw new LauncherError(`openclaw backup restore failed: ${failureMessage(result)}`);
    const restored = RestoreResultSchema.parse(parseJsonOutput(result.stdout));
    const manifestJson: unknown = JSON.parse(await readFile(join(staging, restored.archiveRoot, "manifest.json"), "utf8"));
    const { archivePath, manifest } = stateAssetOf(manifestJson);
    await replaceDirectory(join(staging, archivePath), paths.stateDir, paths.restoreDir);
    return {
      path: relative(paths.home, archive),
      createdAt: manifest.createdAt,
      openclawVersion: manifest.runtimeVersion,
      entryCount: restored.entryCount,
      durationMs: Math.round(performance.now() - started),
      warnings: restored.warnings,
    };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** Staging left behind by an interrupted restore would only take disk space. */
async function removeStaleStaging(restoreDir: string): Promise<void> {
  for (const name of await readdir(restoreDir)) {
    if (name.startsWith(STAGING_PREFIX)) await rm(join(restoreDir, name), { recursive: true, force: true });
  }
}

async function replaceDirectory(source: string, target: string, scratchDir: string): Promise<void> {
  const previous = existsSync(target) ? join(scratchDir, `replaced-${process.pid}-${Date.now()}`) : null;
  if (previous) await rename(target, previous);
  try {
    await rename(source, target);
  } catch (error) {
    if (previous) await rename(previous, target);
    throw error;
  }
  if (previous) await rm(previous, { recursive: true, force: true });
}
