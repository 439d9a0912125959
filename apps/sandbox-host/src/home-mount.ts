import { execFile } from "node:child_process";
import { accessSync, constants, statSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { delimiter, isAbsolute, join } from "node:path";
import { promisify } from "node:util";
import { SANDBOX_LAYOUT } from "@openclaw-cloud/contracts";

/**
 * How a sandbox's processes see their home.
 *
 * - `mount-namespace`: each process runs in a mount namespace of its own in which the
 *   sandbox's directory is mounted at `/home/openclaw`, the container's path. Every sandbox
 *   then sees its state at the same absolute path, as containers do, which OpenClaw needs:
 *   it records absolute paths of its state directory inside its state, so a state restored
 *   into another sandbox (a restore that starts the new gateway beside the old one) only
 *   works at the same path. Needs `unshare` with root, or with unprivileged user namespaces
 *   and an existing (empty) `/home/openclaw` to mount over.
 * - `host-path`: processes see the sandbox's real directory. A state moved between two
 *   sandboxes then points back at the old one; the host says so at start.
 */
export type HomeMount = { kind: "mount-namespace"; unshareArgs: readonly string[] } | { kind: "host-path" };

const CONTAINER_HOME = SANDBOX_LAYOUT.home;
const run = promisify(execFile);

/**
 * The shell run between `unshare` and the program: the sandbox's directory ($0) mounted
 * over `/home/openclaw`, then the program in place of the shell (the rest of the argv). The
 * mount point must exist on the host (the host creates it when it runs as root); nothing
 * else of the host's tree is hidden, so a repository under /home stays reachable.
 */
const MOUNT_SCRIPT = `mount --bind "$0" ${CONTAINER_HOME} && cd ${CONTAINER_HOME} && exec "$@"`;

/** `unshare` flags to try: as root a mount namespace is enough, otherwise a user namespace maps us to root in it. */
const UNSHARE_VARIANTS: readonly (readonly string[])[] = [["--mount"], ["--user", "--map-root-user", "--mount"]];

/** Finds out once, at start, which mount this machine allows (by mounting a probe directory). */
export async function detectHomeMount(): Promise<HomeMount> {
  if (process.getuid?.() === 0) await mkdir(CONTAINER_HOME, { recursive: true }).catch(() => {});
  const probe = await mkdtemp(join(tmpdir(), "sandbox-home-probe-"));
  try {
    await writeFile(join(probe, "marker"), "ok");
    for (const unshareArgs of UNSHARE_VARIANTS) {
      const mount = { kind: "mount-namespace", unshareArgs } as const;
      const [file, ...args] = [...launchPrefix(mount, probe), "cat", `${CONTAINER_HOME}/marker`];
      const seen = await run(file!, args, { timeout: 5_000 }).then(
        ({ stdout }) => stdout,
        () => "",
      );
      if (seen === "ok") return mount;
    }
    return { kind: "host-path" };
  } finally {
    await rm(probe, { recursive: true, force: true });
  }
}

/** What runs before a program's argv so that it sees the sandbox whose directory is `home` at its container path. */
export function launchPrefix(mount: HomeMount, home: string): string[] {
  return mount.kind === "host-path" ? [] : ["unshare", ...mount.unshareArgs, "--", "/bin/sh", "-c", MOUNT_SCRIPT, home];
}

/** The home path a sandbox's processes see (their `HOME` and `SANDBOX_HOME`). */
export function visibleHome(mount: HomeMount, home: string): string {
  return mount.kind === "host-path" ? home : CONTAINER_HOME;
}

/**
 * Whether `program` names an executable file, looked up as `execvp` would (PATH, or
 * relative to `cwd`). Only such programs are wrapped: one that cannot run fails to spawn
 * exactly as without a namespace (127 not found, 126 not executable).
 */
export function isRunnable(program: string, path: string, cwd: string): boolean {
  const candidates = program.includes("/")
    ? [isAbsolute(program) ? program : join(cwd, program)]
    : path
        .split(delimiter)
        .filter(Boolean)
        .map((dir) => join(dir, program));
  return candidates.some((candidate) => {
    try {
      accessSync(candidate, constants.X_OK);
      return statSync(candidate).isFile();
    } catch {
      return false;
    }
  });
}
