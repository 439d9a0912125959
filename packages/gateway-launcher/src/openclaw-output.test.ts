import { describe, expect, it } from "vitest";
import { backupReport, BackupCreateResultSchema, failureMessage, parseJsonOutput, stateAssetOf } from "./openclaw-output.ts";

describe("parseJsonOutput", () => {
  it("parses a pretty-printed document after stray lines", () => {
    expect(parseJsonOutput('warning: something\n{\n  "ok": true\n}\n')).toEqual({ ok: true });
  });

  it("fails when there is no JSON", () => {
    expect(() => parseJsonOutput("error: nope\n")).toThrow("openclaw printed no JSON");
  });
});

describe("failureMessage", () => {
  it("prefers the JSON error document", () => {
    const stdout = JSON.stringify({ ok: false, error: { type: "cli_error", message: "Refusing to overwrite existing backup archive: /x" } }, null, 2);
    expect(failureMessage({ code: 1, stdout, stderr: "[openclaw] Reason: other" })).toBe("Refusing to overwrite existing backup archive: /x");
  });

  it("falls back to the Reason line, then the last line", () => {
    expect(failureMessage({ code: 1, stdout: "", stderr: "[openclaw] The CLI command failed.\n[openclaw] Reason: disk full\n[openclaw] Try: openclaw doctor\n" })).toBe("disk full");
    expect(failureMessage({ code: 1, stdout: "", stderr: "boom\n" })).toBe("boom");
    expect(failureMessage({ code: 9, stdout: "", stderr: "" })).toBe("exit code 9");
  });
});

describe("backupReport", () => {
  it("leads with the archive facts and keeps what openclaw reported, minus its absolute path", () => {
    const openclaw = BackupCreateResultSchema.parse({
      createdAt: "2026-11-21T05:48:15.761Z",
      archiveRoot: "2026-11-21T05-48-15.761+00-00-openclaw-backup",
      archivePath: "/home/openclaw/backups/a.tar.gz",
      verified: true,
      skippedVolatileCount: 1,
    });
    const report = backupReport(openclaw, { path: "backups/a.tar.gz", bytes: 1234, sha256: "ab".repeat(32) }, { openclawVersion: "2026.9.6", durationMs: 2100 });
    expect(report).toEqual({
      path: "backups/a.tar.gz",
      bytes: 1234,
      sha256: "ab".repeat(32),
      createdAt: "2026-11-21T05:48:15.761Z",
      openclawVersion: "2026.9.6",
      durationMs: 2100,
      archiveRoot: "2026-11-21T05-48-15.761+00-00-openclaw-backup",
      verified: true,
      skippedVolatileCount: 1,
    });
    expect(Object.keys(report).slice(0, 3)).toEqual(["path", "bytes", "sha256"]);
  });
});

describe("stateAssetOf", () => {
  const manifest = (assets: Array<{ kind: string; sourcePath: string; archivePath: string }>) => ({
    schemaVersion: 1,
    createdAt: "2026-11-21T05:48:15.761Z",
    runtimeVersion: "2026.9.6",
    assets,
  });
  const state = { kind: "state", sourcePath: "/home/openclaw/openclaw", archivePath: "root/payload/posix/home/openclaw/openclaw" };

  it("finds the one state asset", () => {
    expect(stateAssetOf(manifest([state])).archivePath).toBe("root/payload/posix/home/openclaw/openclaw");
    expect(stateAssetOf(manifest([state, { kind: "workspace", sourcePath: "/home/openclaw/openclaw/workspace", archivePath: "x" }])).archivePath).toBe(state.archivePath);
  });

  it.each([
    ["no state asset", [], "backup archive has 0 state assets, expected 1"],
    ["assets outside the state dir", [state, { kind: "config", sourcePath: "/etc/openclaw.json", archivePath: "y" }], "backup archive has assets outside its state directory: config"],
    ["an escaping archive path", [{ ...state, archivePath: "../../etc" }], "backup archive state path is not relative"],
  ])("rejects %s", (_, assets, message) => {
    expect(() => stateAssetOf(manifest(assets))).toThrow(message);
  });

  it("rejects a manifest of another schema", () => {
    expect(() => stateAssetOf({ schemaVersion: 2, assets: [] })).toThrow();
  });
});
