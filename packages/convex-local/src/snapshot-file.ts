import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { DatabaseSnapshot } from "./database-snapshot.ts";

/** The saved snapshot, or null when there is none yet. A damaged file stops the start. */
export async function readSnapshotFile(dataFile: string): Promise<DatabaseSnapshot | null> {
  let text: string;
  try {
    text = await readFile(dataFile, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  try {
    return JSON.parse(text) as DatabaseSnapshot;
  } catch {
    throw new Error(`${dataFile} is not a convex-local snapshot (invalid JSON); move it away to start empty`);
  }
}

/** Write-then-rename, so a crash mid-write leaves the previous snapshot intact. */
export async function writeSnapshotFile(dataFile: string, text: string): Promise<void> {
  await mkdir(dirname(dataFile), { recursive: true });
  const temporary = `${dataFile}.${process.pid}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, dataFile);
}
