export { parseCliArgs, USAGE, type LauncherCommand } from "./cli-args.ts";
export { EXIT_CODES, GatewayRunningError, LauncherError, UsageError } from "./errors.ts";
export { DEFAULT_GATEWAY_PORT, GATEWAY_MEMORY_ENV, INPUT_ENV, readSandboxEnv, readStartInputs, type SandboxEnv, type StartInputs } from "./launcher-env.ts";
export type { BackupReport } from "./openclaw-output.ts";
export type { RestoreSummary } from "./restore.ts";
export { resolveInSandbox, sandboxPaths, type SandboxPaths } from "./sandbox-paths.ts";
export { isFreshStateDir } from "./state-dir.ts";
