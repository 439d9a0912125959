import { isAbsolute, join, relative, resolve, sep } from "node:path";
import { SANDBOX_LAYOUT } from "@openclaw-cloud/contracts";
import { CONFIG_FILE_NAME } from "@openclaw-cloud/gateway-config";
import { UsageError } from "./errors.ts";

/** Where everything lives inside a sandbox home. */
export type SandboxPaths = {
  home: string;
  /** `OPENCLAW_STATE_DIR`: config, databases, workspace, logs. */
  stateDir: string;
  /** `OPENCLAW_CONFIG_PATH`. */
  configPath: string;
  /** Scratch space for restores; outside the state dir, as `openclaw backup restore` requires. */
  restoreDir: string;
  /** The newest backup, placed by the runtime before a start on a fresh sandbox. */
  latestArchive: string;
};

export function sandboxPaths(home: string): SandboxPaths {
  const stateDir = join(home, SANDBOX_LAYOUT.stateDir);
  const restoreDir = join(home, SANDBOX_LAYOUT.restoreDir);
  return {
    home,
    stateDir,
    configPath: join(stateDir, CONFIG_FILE_NAME),
    restoreDir,
    latestArchive: join(home, SANDBOX_LAYOUT.restoreArchive),
  };
}

/** Whether `path` is `dir` or below it (both absolute and normalized). */
export function isWithin(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel === "" || (!rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel));
}

/**
 * Resolves a caller-supplied path (relative to the sandbox home, or absolute) and refuses
 * anything outside the home or the home itself: archives are read and written only there.
 */
export function resolveInSandbox(home: string, requested: string): string {
  if (requested.includes("\0")) throw new UsageError("path contains a NUL byte");
  const path = resolve(home, requested);
  if (path === home || !isWithin(home, path)) throw new UsageError(`path escapes SANDBOX_HOME: ${requested}`);
  return path;
}
