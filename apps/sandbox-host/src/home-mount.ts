import { execFile } from "node:child_process";
import { accessSync, constants, statSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { delimiter, isAbsolute, join } from "node:path";
import { promisify } from "node:util";
import { SANDBOX_LAYOUT } from "@openclaw-cloud/contracts";

/**
 * How a sandbox's processes see the filesystem.
 *
 * - `mount-namespace`: each process runs in a mount namespace of its own, in which the
 *   sandbox's home is mounted at `/home/openclaw` and its own directory at `/tmp`, as in a
 *   container. Every sandbox then sees its state at the same absolute path, which OpenClaw
 *   needs: it records absolute paths of its state directory inside its state, so a state
 *   restored into another sandbox (a restore that starts the new gateway beside the old one)
 *   only works at the same path. The private `/tmp` keeps two such gateways apart: OpenClaw
 *   keys its database locks (`/tmp/openclaw-state-locks-<uid>`) by that path. Needs
 *   `unshare` with root, or with unprivileged user namespaces and an existing (empty)
 *   `/home/openclaw` to mount over.
 * - `host-path`: processes see the sandbox's real directory and the host's `/tmp`. A state
 *   moved between two sandboxes then points back at the old one; the host says so at start.
 *
 * `keep`: host paths under `/tmp` that processes still need (the repository with the
 * programs, Node's compile cache, which a container image ships in its own `/tmp`).
 */
export type HomeMount = { kind: "mount-namespace"; unshareArgs: readonly string[]; keep: readonly string[] } | { kind: "host-path" };

const CONTAINER_HOME = SANDBOX_LAYOUT.home;
const HOST_TMP = "/tmp";
const run = promisify(execFile);

/**
 * The shell between `unshare` and the program. Arguments: the sandbox's home, its private
 * tmp directory, the kept paths, `--`, then the program's argv, which replaces the shell
 * (so the pid stays the program's). Kept paths are mounted into the private tmp before it
 * hides the host's.
 */
const MOUNT_SCRIPT = `home=$1; tmp=$2; shift 2
mount --bind "$home" ${CONTAINER_HOME} || exit 125
while [ "$1" != "--" ]; do
  mkdir -p "$tmp\${1#${HOST_TMP}}" && mount --bind "$1" "$tmp\${1#${HOST_TMP}}" || exit 125
  shift
done
shift
mount --rbind "$tmp" ${HOST_TMP} && cd ${CONTAINER_HOME} && exec "$@"`;

/** `unshare` flags to try: as root a mount namespace is enough, otherwise a user namespace maps us to root in it. */
const UNSHARE_VARIANTS: readonly (readonly string[])[] = [["--mount"], ["--user", "--map-root-user", "--mount"]];

/**
 * Finds out once, at start, which mount this machine allows, by running a probe sandbox.
 * `needed` are the host paths processes must reach (the PATH's directories, the repository).
 */
export async function detectHomeMount(needed: readonly string[]): Promise<HomeMount> {
  if (process.getuid?.() === 0) await mkdir(CONTAINER_HOME, { recursive: true }).catch(() => {});
  const compileCache = join(HOST_TMP, "node-compile-cache");
  await mkdir(compileCache, { recursive: true }).catch(() => {});
  const keep = keptPaths([...needed, compileCache]);
  const probe = await mkdtemp(join(tmpdir(), "sandbox-home-probe-"));
  try {
    await writeFile(join(probe, "marker"), "ok");
    await mkdir(join(probe, "tmp"));
    for (const unshareArgs of UNSHARE_VARIANTS) {
      const mount = { kind: "mount-namespace", unshareArgs, keep } as const;
      const [file, ...args] = [...launchPrefix(mount, probe, join(probe, "tmp")), "cat", `${CONTAINER_HOME}/marker`];
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

/** The existing directories among `paths` that a private /tmp would hide, without those inside another one. */
export function keptPaths(paths: readonly string[]): string[] {
  const under = [...new Set(paths.map((path) => path.replace(/\/+$/, "")))].filter((path) => path.startsWith(`${HOST_TMP}/`) && isDirectory(path));
  return under.filter((path) => !under.some((other) => other !== path && path.startsWith(`${other}/`))).sort();
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** What runs before a program's argv so that it sees the sandbox (`home`, private `tmp`) at the container's paths. */
export function launchPrefix(mount: HomeMount, home: string, tmp: string): string[] {
  if (mount.kind === "host-path") return [];
  return ["unshare", ...mount.unshareArgs, "--", "/bin/sh", "-c", MOUNT_SCRIPT, "sandbox-launch", home, tmp, ...mount.keep, "--"];
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
