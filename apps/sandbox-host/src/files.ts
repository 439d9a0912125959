import { randomUUID } from "node:crypto";
import { createWriteStream, type ReadStream } from "node:fs";
import { lstat, mkdir, open, readdir, rename, rm, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { Transform, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { HttpError } from "./errors.ts";
import { assertRealPathWithin, resolveSandboxPath } from "./paths.ts";

export const MAX_FILE_BYTES = 512 * 1024 * 1024;

/** Maps filesystem errors a caller can cause to API errors; anything else stays a bug. */
function fsError(error: unknown, path: string): unknown {
  switch ((error as NodeJS.ErrnoException).code) {
    case "ENOENT":
      return new HttpError("file_not_found", 404, `${path || "."} does not exist`);
    case "ENOTDIR":
    case "EEXIST":
      return new HttpError("not_a_directory", 409, `${path} or one of its parents is not a directory`);
    case "EISDIR":
    case "ENOTEMPTY":
      return new HttpError("path_is_directory", 409, `${path} is a directory`);
    case "EACCES":
    case "EPERM":
      return new HttpError("permission_denied", 403, `permission denied for ${path}`);
    case "ELOOP":
    case "ENAMETOOLONG":
      return new HttpError("invalid_path", 400, `${path} cannot be resolved`);
    default:
      return error;
  }
}

function byteLimit(maxBytes: number, counter: { bytes: number }): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      counter.bytes += chunk.length;
      if (counter.bytes > maxBytes) callback(new HttpError("payload_too_large", 413, `files are limited to ${maxBytes} bytes`));
      else callback(null, chunk);
    },
  });
}

/** Streams `body` into a temp file beside the target and renames it into place. */
export async function writeFileAtomic(home: string, rawPath: string, body: Readable, maxBytes = MAX_FILE_BYTES) {
  const target = await resolveSandboxPath(home, rawPath);
  if (target.relative === "") throw new HttpError("invalid_path", 400, "path must name a file");
  const temp = join(dirname(target.absolute), `.${basename(target.absolute)}.${randomUUID()}.tmp`);
  const counter = { bytes: 0 };
  try {
    await mkdir(dirname(target.absolute), { recursive: true });
    await assertRealPathWithin(home, dirname(target.absolute)); // the tree may have changed meanwhile
    await pipeline(body, byteLimit(maxBytes, counter), createWriteStream(temp, { flags: "wx", mode: 0o644 }));
    await rename(temp, target.absolute);
  } catch (error) {
    await unlink(temp).catch(() => {});
    throw fsError(error, target.relative);
  }
  return { path: target.relative, bytes: counter.bytes };
}

export async function openFileForRead(home: string, rawPath: string): Promise<{ stream: ReadStream; bytes: number }> {
  const target = await resolveSandboxPath(home, rawPath);
  try {
    const real = await assertRealPathWithin(home, target.absolute);
    const handle = await open(real, "r");
    const stats = await handle.stat();
    if (stats.isDirectory()) {
      await handle.close();
      throw new HttpError("path_is_directory", 409, `${target.relative || "."} is a directory`);
    }
    return { stream: handle.createReadStream(), bytes: stats.size };
  } catch (error) {
    throw fsError(error, target.relative);
  }
}

/** Removes a file, symlink (not its target) or directory tree. */
export async function deletePath(home: string, rawPath: string): Promise<{ path: string }> {
  const target = await resolveSandboxPath(home, rawPath);
  if (target.relative === "") throw new HttpError("invalid_path", 400, "the sandbox home itself cannot be deleted");
  try {
    await lstat(target.absolute);
    await rm(target.absolute, { recursive: true });
  } catch (error) {
    throw fsError(error, target.relative);
  }
  return { path: target.relative };
}

export type FileEntry = { name: string; type: "file" | "directory" | "symlink" | "other"; bytes: number; modifiedAt: string };

export async function listDirectory(home: string, rawPath: string): Promise<{ path: string; entries: FileEntry[] }> {
  const target = await resolveSandboxPath(home, rawPath);
  try {
    const real = await assertRealPathWithin(home, target.absolute);
    const names = (await readdir(real)).sort();
    const entries = await Promise.all(
      names.map(async (name): Promise<FileEntry | undefined> => {
        const stats = await lstat(join(real, name)).catch(() => undefined); // removed while listing
        if (!stats) return undefined;
        const type = stats.isFile() ? "file" : stats.isDirectory() ? "directory" : stats.isSymbolicLink() ? "symlink" : "other";
        return { name, type, bytes: stats.size, modifiedAt: stats.mtime.toISOString() };
      }),
    );
    return { path: target.relative, entries: entries.filter((entry) => entry !== undefined) };
  } catch (error) {
    throw fsError(error, target.relative);
  }
}
