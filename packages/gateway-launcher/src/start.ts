import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, rename, writeFile } from "node:fs/promises";
import { constants } from "node:os";
import { dirname, join, relative } from "node:path";
import { buildGatewayLaunch, CONFIG_FILE_NAME, type GatewayLaunch } from "@openclaw-cloud/gateway-config";
import { LauncherError } from "./errors.ts";
import { openclawEnv, readStartInputs } from "./launcher-env.ts";
import { openclawArgv, type Openclaw } from "./openclaw-cli.ts";
import { restoreArchive } from "./restore.ts";
import { isWithin, sandboxPaths, type SandboxPaths } from "./sandbox-paths.ts";
import { isFreshStateDir } from "./state-dir.ts";

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Prepares the tenant's state directory and replaces this process with `openclaw gateway`:
 * restore the newest backup into a fresh state directory, regenerate the config and identity
 * files from the settings (state is kept), then exec the gateway.
 */
export async function startGateway(openclaw: Openclaw, env: Env, log: (line: string) => void): Promise<void> {
  const inputs = readStartInputs(env);
  const paths = sandboxPaths(inputs.sandboxHome);
  const fresh = isFreshStateDir((path) => existsSync(join(paths.stateDir, path)));
  if (fresh && existsSync(paths.latestArchive)) {
    log(`state is fresh: restoring ${relative(paths.home, paths.latestArchive)}`);
    const restored = await restoreArchive(openclaw, paths, paths.latestArchive, env);
    log(`restored the backup of ${restored.createdAt} (${restored.entryCount} entries) in ${seconds(restored.durationMs)}`);
  } else {
    log(fresh ? "state is fresh: starting empty" : "keeping the existing state");
  }
  const launch = buildGatewayLaunch(inputs.settings, {
    gatewayPort: inputs.gatewayPort,
    stateDir: paths.stateDir,
    gatewayToken: inputs.gatewayToken,
    bind: inputs.gatewayBind,
  });
  await writeLaunchFiles(paths, launch);
  log(`wrote ${CONFIG_FILE_NAME} and ${launch.files.map((file) => file.path).join(", ")}`);
  const args = ["gateway", "--port", String(inputs.gatewayPort), "--bind", inputs.gatewayBind];
  log(`starting openclaw ${openclaw.version} ${args.join(" ")}`);
  replaceProcess(openclaw, args, openclawEnv(env, paths, launch.env), paths.stateDir);
}

async function writeLaunchFiles(paths: SandboxPaths, launch: GatewayLaunch): Promise<void> {
  await mkdir(paths.stateDir, { recursive: true, mode: 0o700 });
  await writeAtomically(paths.configPath, `${JSON.stringify(launch.config, null, 2)}\n`, 0o600);
  for (const file of launch.files) {
    const path = join(paths.stateDir, file.path);
    if (!isWithin(paths.stateDir, path)) throw new LauncherError(`launch file outside the state directory: ${file.path}`);
    await mkdir(dirname(path), { recursive: true });
    await writeAtomically(path, file.content, file.mode ?? 0o644);
  }
}

/** OpenClaw replaces its config by rename too; a reader never sees half a file. */
async function writeAtomically(path: string, content: string, mode: number): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, content, { mode });
  await rename(temporary, path);
}

/**
 * `process.execve` (Node 24) turns this process into the gateway, so no launcher Node stays
 * resident and the supervisor's signals reach the gateway directly. Without execve the
 * gateway runs as a child and this process forwards signals and mirrors its exit.
 */
function replaceProcess(openclaw: Openclaw, args: string[], env: Record<string, string>, cwd: string): void {
  const argv = openclawArgv(openclaw, args);
  process.chdir(cwd);
  if (typeof process.execve === "function") {
    process.execve(process.execPath, [process.execPath, ...argv], env);
  }
  const child = spawn(process.execPath, argv, { env, stdio: "inherit" });
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP", "SIGUSR2"] as const) {
    process.on(signal, () => child.kill(signal));
  }
  child.on("exit", (code, signal) => process.exit(code ?? 128 + (signal ? constants.signals[signal] : 0)));
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
