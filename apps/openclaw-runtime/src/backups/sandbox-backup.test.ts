import { describe, expect, it } from "vitest";
import { RuntimeError } from "../http/errors.ts";
import { parseBackupReport } from "./sandbox-backup.ts";

describe("the launcher's backup report", () => {
  it("is its last JSON line, after any progress lines", () => {
    const stdout = 'creating backup\n{"bytes":1234,"sha256":"ab12","durationMs":900}\n';
    expect(parseBackupReport(stdout)).toEqual({ bytes: 1234, sha256: "ab12" });
  });

  it("without size and digest, or not JSON at all, is a backup_failed error", () => {
    for (const stdout of ["", "done", '{"bytes":"12"}', "{not json"]) {
      const error = (() => {
        try {
          parseBackupReport(stdout);
        } catch (caught) {
          return caught;
        }
      })();
      expect(error).toBeInstanceOf(RuntimeError);
      expect((error as RuntimeError).code).toBe("backup_failed");
    }
  });
});
