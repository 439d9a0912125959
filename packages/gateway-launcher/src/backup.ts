import { createHash } from "node:crypto";
import { createReadStream, existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { dirname, relative } from "node:path";
import { LauncherError, UsageError } from "./errors.ts";
import { openclawEnv } from "./launcher-env.ts";
import { runOpenclaw, type Openclaw } from "./openclaw-cli.ts";
import { BackupCreateResultSchema, backupReport, failureMessage, parseJsonOutput, type BackupReport } from "./openclaw-output.ts";
import { isWithin, resolveInSandbox, type SandboxPaths } from "./sandbox-paths.ts";

/**
 * Writes a verified archive of the tenant's state with `openclaw backup create --verify`.
 * Safe while the gateway runs: OpenClaw snapshots its SQLite databases with the online backup
 * API and skips files that are being appended to (docs/cli/backup.md).
 */
export async function createBackup(openclaw: Openclaw, paths: SandboxPaths, requestedOutput: string, env: Readonly<Record<string, string | undefined>>): Promise<BackupReport> {
  const output = resolveInSandbox(paths.home, requestedOutput);
  if (isWithin(paths.stateDir, output)) throw new UsageError("the backup output must be outside the state directory");
  if (!existsSync(paths.stateDir)) throw new LauncherError("there is no gateway state to back up yet");
  await mkdir(dirname(output), { recursive: true, mode: 0o700 });
  const started = performance.now();
  const args = ["backup", "create", "--verify", "--json", "--output", output];
  const result = await runOpenclaw(openclaw, args, openclawEnv(env, paths), paths.home);
  if (result.code !== 0) throw new LauncherError(`openclaw backup create failed: ${failureMessage(result)}`);
  const created = BackupCreateResultSchema.parse(parseJsonOutput(result.stdout));
  const { bytes, sha256 } = await digestFile(created.archivePath);
  const durationMs = Math.round(performance.now() - started);
  return backupReport(created, { path: relative(paths.home, output), bytes, sha256 }, { openclawVersion: openclaw.version, durationMs });
}

async function digestFile(path: string): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash("sha256");
  let bytes = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { bytes, sha256: hash.digest("hex") };
}
