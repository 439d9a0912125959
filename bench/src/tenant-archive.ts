import { spawn } from "node:child_process";
import { copyFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { freePort, pathWithRepoBin, type LocalStack } from "@openclaw-cloud/local-stack";
import { expectJson, sandboxHostFetch, sandboxInfo, tenantSandboxPath } from "./platform-api.ts";

/**
 * An archive of the tenant's current state, made the way the runtime makes its backups
 * (the launcher's `backup`, executed in the sandbox), left in the sandbox home.
 */
export async function tenantArchive(stack: LocalStack, tenantId: string, archive: string): Promise<{ path: string; bytes: number; launcherMs: number }> {
  const result = await expectJson<{ exitCode: number; stdout: string; stderr: string }>(
    await sandboxHostFetch(stack, `${await tenantSandboxPath(stack, tenantId)}/exec`, {
      method: "POST",
      body: JSON.stringify({ argv: ["openclaw-cloud-gateway", "backup", "--output", archive], timeoutMs: 120_000 }),
    }),
  );
  if (result.exitCode !== 0) throw new Error(`launcher backup failed: ${result.stderr.slice(-500)}`);
  const report = JSON.parse(result.stdout.trim().split("\n").at(-1)!) as { bytes: number; durationMs: number };
  const { home } = await sandboxInfo(stack, tenantId);
  return { path: join(home, archive), bytes: report.bytes, launcherMs: report.durationMs };
}

/** Removes what tenantArchive left in the tenant's sandbox under `dir`. */
export async function removeTenantArchives(stack: LocalStack, tenantId: string, dir: string): Promise<void> {
  await sandboxHostFetch(stack, `${await tenantSandboxPath(stack, tenantId)}/files?path=${encodeURIComponent(dir)}`, { method: "DELETE" });
}

/**
 * `openclaw-cloud-gateway restore` of a copy of `archive` into `home` (laid out like a
 * sandbox home), spawn to exit. The copy is removed afterwards.
 */
export async function restoreIntoHome(archive: string, home: string): Promise<void> {
  const copy = join(home, "archive.tar.gz");
  copyFileSync(archive, copy);
  try {
    await runLauncherRestore(home);
  } finally {
    rmSync(copy, { force: true });
  }
}

async function runLauncherRestore(home: string): Promise<void> {
  // Nothing listens on a fresh free port, which the launcher checks before restoring.
  const env = { ...process.env, PATH: pathWithRepoBin(), HOME: home, SANDBOX_HOME: home, GATEWAY_PORT: String(await freePort()) };
  const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    const child = spawn("openclaw-cloud-gateway", ["restore", "--input", "archive.tar.gz"], { cwd: home, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (exitCode) => resolve({ code: exitCode, output }));
  });
  if (code !== 0) throw new Error(`launcher restore exited with ${code}: ${output.slice(-500)}`);
}
