import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { LocalStack } from "@openclaw-cloud/local-stack";
import { longestGapDuring } from "./measure-downtime.ts";
import { expectJson, runtimeFetch, sandboxInfo, tenantGatewayAnswers } from "./platform-api.ts";
import { removeTenantArchives, restoreIntoHome, tenantArchive } from "./tenant-archive.ts";
import { median } from "./stats.ts";

export interface BackupResult {
  /** `POST /v1/backups`: snapshot in the sandbox, upload to R2, retention. */
  backupMs: number;
  backupRunsMs: number[];
  /** `backup_cli_s`: OpenClaw's own `backup create --verify` as the launcher times it, run in the same sandbox. */
  backupCliMs: number;
  backupCliRunsMs: number[];
  archiveBytes: number;
  /** `POST /v1/backups/restore`: safety backup, archive into a new sandbox, restore there, a gateway started beside the serving one, the switch. */
  restoreMs: number;
  restoreRunsMs: number[];
  /** `restore_downtime_s`: the longest time without an answer to the steady requests during a restore (the worst run). */
  restoreDowntimeMs: number;
  restoreDowntimeRunsMs: number[];
  /** Requests answered, and not, during all restores together. */
  restoreProbeAnswers: number;
  restoreProbeFailures: number;
  /** Of a restore: request to the new gateway process being spawned (safety backup, archive into the new sandbox, launcher restore). */
  restoreBeforeSpawnMs: number;
  /** The restore step alone: the launcher's `restore` into a fresh sandbox home. */
  restoreOnlyMs: number;
  restoreOnlyRunsMs: number[];
}

/** Where the CLI-only runs write their archives; OpenClaw refuses to overwrite one, so each run has its own. */
const ARCHIVE_DIR = "bench";

export async function measureBackup(stack: LocalStack, tenantId: string, runs: number): Promise<BackupResult> {
  const backupRunsMs = await timeRuns(runs, async () => {
    await expectJson(await runtimeFetch(stack, tenantId, "/v1/backups", { method: "POST" }), 201);
  });
  const restoreBeforeSpawnMs: number[] = [];
  const restoreRunsMs: number[] = [];
  const restoreDowntimeRunsMs: number[] = [];
  let restoreProbeAnswers = 0;
  let restoreProbeFailures = 0;
  for (let i = 0; i < runs; i++) {
    const requestedAt = Date.now();
    const probed = await longestGapDuring(stack, tenantId, async () => {
      const started = performance.now();
      const status = await expectJson<{ state: string }>(await runtimeFetch(stack, tenantId, "/v1/backups/restore", { method: "POST" }));
      restoreRunsMs.push(performance.now() - started);
      return status;
    });
    if (probed.result.state !== "running") throw new Error(`tenant is ${probed.result.state} after restore`);
    restoreDowntimeRunsMs.push(probed.gapMs);
    restoreProbeAnswers += probed.answers;
    restoreProbeFailures += probed.failures;
    if (!(await tenantGatewayAnswers(stack, tenantId))) throw new Error("after the restore the tenant's port answers with a foreign gateway (another sandbox host took it)");
    const gateway = (await sandboxInfo(stack, tenantId)).processes.find((process) => process.id === "gateway" && process.status === "running");
    if (!gateway) throw new Error(`tenant ${tenantId} has no running gateway after restore`);
    restoreBeforeSpawnMs.push(Date.parse(gateway.startedAt) - requestedAt);
  }
  // The CLI alone, the same number of times, right after: backup_s is judged against it.
  const archives: Array<{ path: string; bytes: number; launcherMs: number }> = [];
  for (let i = 0; i < runs; i++) archives.push(await tenantArchive(stack, tenantId, `${ARCHIVE_DIR}/archive-${i}.tar.gz`));
  const archive = archives.at(-1)!;
  const backupCliRunsMs = archives.map((made) => made.launcherMs);
  try {
    const restoreOnlyRunsMs = await timeRuns(runs, () => restoreIntoFreshHome(archive.path));
    return {
      backupMs: median(backupRunsMs),
      backupRunsMs,
      backupCliMs: median(backupCliRunsMs),
      backupCliRunsMs,
      archiveBytes: archive.bytes,
      restoreMs: median(restoreRunsMs),
      restoreRunsMs,
      restoreDowntimeMs: Math.max(...restoreDowntimeRunsMs),
      restoreDowntimeRunsMs,
      restoreProbeAnswers,
      restoreProbeFailures,
      restoreBeforeSpawnMs: median(restoreBeforeSpawnMs),
      restoreOnlyMs: median(restoreOnlyRunsMs),
      restoreOnlyRunsMs,
    };
  } finally {
    await removeTenantArchives(stack, tenantId, ARCHIVE_DIR);
  }
}

async function timeRuns(runs: number, run: () => Promise<void>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return times;
}

/** Spawn to exit of `openclaw-cloud-gateway restore` on a copy of the archive in a fresh home. */
async function restoreIntoFreshHome(archive: string): Promise<void> {
  const home = mkdtempSync(join(tmpdir(), "occ-bench-restore-"));
  try {
    await restoreIntoHome(archive, home);
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}
