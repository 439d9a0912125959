import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Shared by every sandbox host on the machine (dev, tests and bench stacks alike). */
export const DEFAULT_CLAIMS_DIR = join(tmpdir(), "openclaw-sandbox-host-ports");

/**
 * Machine-wide claims on gateway ports: one file per port, holding the claiming process's
 * pid. Why: probing a port only shows a gateway that already listens, so two sandbox hosts
 * (say, two test stacks run at once) could both hand out a port whose gateways are still
 * starting; the second gateway then never gets it. A claim whose process is gone is stale
 * and taken over.
 *
 * @example
 * const claims = new PortClaims();
 * if (claims.claim(20000)) { ... ; claims.release(20000); }
 */
export class PortClaims {
  readonly #dir: string;
  readonly #held = new Set<number>();

  constructor(dir: string = DEFAULT_CLAIMS_DIR) {
    this.#dir = dir;
    mkdirSync(dir, { recursive: true });
  }

  /** True when this process now holds `port`; false when a live process does. */
  claim(port: number): boolean {
    const path = join(this.#dir, String(port));
    for (let attempt = 0; attempt < 2; attempt += 1) {
      try {
        writeFileSync(path, String(process.pid), { flag: "wx" });
        this.#held.add(port);
        return true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
        if (isAlive(ownerPid(path))) return false;
        removeFile(path);
      }
    }
    return false;
  }

  release(port: number): void {
    if (!this.#held.delete(port)) return;
    removeFile(join(this.#dir, String(port)));
  }

  releaseAll(): void {
    for (const port of [...this.#held]) this.release(port);
  }
}

function ownerPid(path: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(path, "utf8"), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number | null): boolean {
  if (pid === null) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists under another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function removeFile(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
}
