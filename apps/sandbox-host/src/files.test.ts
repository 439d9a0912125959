import { createHash, randomBytes } from "node:crypto";
import { request } from "node:http";
import { mkdir, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonOf, startTestHost, TEST_SECRET, type TestHost } from "./testing.ts";

let t: TestHost;
beforeAll(async () => {
  t = await startTestHost([43000, 43199]);
});
afterAll(() => t.close());

const put = (path: string, body: RequestInit["body"], sandbox = "files-a") =>
  t.api(`/sandboxes/${sandbox}/files?path=${encodeURIComponent(path)}`, { method: "PUT", body, duplex: "half" } as RequestInit);

describe("files", () => {
  it("round-trips binary content, creating parent directories", async () => {
    const content = randomBytes(64 * 1024);
    const written = await put("deep/dir/blob.bin", content);
    expect(written.status).toBe(200);
    expect(await jsonOf(written)).toEqual({ path: "deep/dir/blob.bin", bytes: content.length });

    const read = await t.api("/sandboxes/files-a/files?path=deep/dir/blob.bin");
    expect(read.headers.get("content-type")).toBe("application/octet-stream");
    expect(read.headers.get("content-length")).toBe(String(content.length));
    expect(Buffer.from(await read.arrayBuffer()).equals(content)).toBe(true);
  });

  it("streams a large file in and out", async () => {
    const chunk = randomBytes(1024 * 1024);
    const chunks = 48;
    const expected = createHash("sha256");
    for (let i = 0; i < chunks; i++) expected.update(chunk);
    const body = Readable.toWeb(
      Readable.from(
        (function* () {
          for (let i = 0; i < chunks; i++) yield chunk;
        })(),
      ),
    );
    const written = await put("big.bin", body as ReadableStream);
    expect((await jsonOf(written)).bytes).toBe(chunks * chunk.length);

    const read = await t.api("/sandboxes/files-a/files?path=big.bin");
    const actual = createHash("sha256");
    for await (const part of read.body as AsyncIterable<Uint8Array>) actual.update(part);
    expect(actual.digest("hex")).toBe(expected.digest("hex"));
  });

  it("replaces files atomically and leaves no temp files behind", async () => {
    await put("config.json", "old");
    await put("config.json", "new");
    expect(await (await t.api("/sandboxes/files-a/files?path=config.json")).text()).toBe("new");
    const { body } = await t.call("GET", "/sandboxes/files-a/files/list?path=");
    expect(body.entries.map((e: { name: string }) => e.name).filter((name: string) => name.endsWith(".tmp"))).toEqual([]);
  });

  it("lists directories and deletes files and trees", async () => {
    await put("listing/a.txt", "aaa");
    await put("listing/sub/b.txt", "b");
    const { body } = await t.call("GET", "/sandboxes/files-a/files/list?path=listing");
    expect(body.path).toBe("listing");
    expect(body.entries).toEqual([
      { name: "a.txt", type: "file", bytes: 3, modifiedAt: expect.any(String) },
      { name: "sub", type: "directory", bytes: expect.any(Number), modifiedAt: expect.any(String) },
    ]);
    expect((await t.call("DELETE", "/sandboxes/files-a/files?path=listing/a.txt")).body).toEqual({ path: "listing/a.txt", deleted: true });
    expect((await t.call("DELETE", "/sandboxes/files-a/files?path=listing")).status).toBe(200);
    expect((await t.call("GET", "/sandboxes/files-a/files/list?path=listing")).body.error.code).toBe("file_not_found");
  });

  it("answers missing files, directories and missing sandboxes with JSON errors", async () => {
    await put("somedir/x", "x");
    expect((await t.call("GET", "/sandboxes/files-a/files?path=missing.txt")).body.error.code).toBe("file_not_found");
    expect((await t.call("DELETE", "/sandboxes/files-a/files?path=missing.txt")).status).toBe(404);
    expect((await t.call("GET", "/sandboxes/files-a/files?path=somedir")).body.error.code).toBe("path_is_directory");
    expect((await t.call("GET", "/sandboxes/files-a/files/list?path=somedir/x")).body.error.code).toBe("not_a_directory");
    expect((await put("somedir/x/y", "nested under a file")).status).toBe(409);
    expect((await t.call("GET", "/sandboxes/files-never/files?path=a")).body.error.code).toBe("sandbox_not_found");
    expect((await t.call("GET", "/sandboxes/files-a/files")).body.error.code).toBe("invalid_path");
  });

  it.each(["/etc/passwd", "../outside.txt", "a/../../outside.txt", "nul\0byte"])("rejects the path %j", async (path) => {
    const written = await put(path, "x");
    expect(written.status).toBe(400);
    expect((await jsonOf(written)).error.code).toBe("invalid_path");
    const read = await t.call("GET", `/sandboxes/files-a/files?path=${encodeURIComponent(path)}`);
    expect(read.body.error.code).toBe("invalid_path");
  });

  it("rejects symlink escapes for reading, writing, listing and deleting through them", async () => {
    await put("anchor", "x");
    const home = (await t.call("GET", "/sandboxes/files-a")).body.home as string;
    const outside = join(t.stateRoot, "outside");
    await mkdir(outside, { recursive: true });
    await writeFile(join(outside, "secret.txt"), "secret");
    await symlink(outside, join(home, "escape-dir"));
    await symlink(join(outside, "secret.txt"), join(home, "escape-file"));

    expect((await t.call("GET", "/sandboxes/files-a/files?path=escape-file")).body.error.code).toBe("invalid_path");
    expect((await t.call("GET", "/sandboxes/files-a/files?path=escape-dir/secret.txt")).body.error.code).toBe("invalid_path");
    expect((await t.call("GET", "/sandboxes/files-a/files/list?path=escape-dir")).body.error.code).toBe("invalid_path");
    expect((await put("escape-dir/planted.txt", "x")).status).toBe(400);
    expect((await put("escape-dir/new/planted.txt", "x")).status).toBe(400);
    expect((await t.call("DELETE", "/sandboxes/files-a/files?path=escape-dir/secret.txt")).status).toBe(400);
  });

  it("refuses a declared body above the file limit with 413 before reading it", async () => {
    const { host } = t;
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${host.url}/sandboxes/files-a/files?path=huge.bin`, {
        method: "PUT",
        headers: { authorization: `Bearer ${TEST_SECRET}`, "content-length": String(600 * 1024 * 1024) },
      });
      req.on("response", (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on("error", reject);
      req.write("just the beginning");
    });
    expect(status).toBe(413);
  });
});
