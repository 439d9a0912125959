import { describe, expect, it } from "vitest";
import { backupKeys, idsBeyondRetention, manifestIdFromKey, newBackupId, tenantBackupPrefix } from "./backup-catalog.ts";

describe("backup catalog", () => {
  it("makes sortable ids under the tenant's own prefix", () => {
    const early = newBackupId(new Date("2026-11-21T06:00:00.005Z"), "abc123");
    const late = newBackupId(new Date("2026-11-21T06:00:01.000Z"), "000000");
    expect(early).toBe("20261121T060000005Z-abc123");
    expect(late > early).toBe(true);
    expect(backupKeys("tenant-a", early)).toEqual({
      archive: "tenants/tenant-a/backups/20261121T060000005Z-abc123.tar.gz",
      manifest: "tenants/tenant-a/backups/20261121T060000005Z-abc123.json",
    });
  });

  it("reads ids only from this tenant's manifests", () => {
    const id = "20261121T060000005Z-abc123";
    expect(manifestIdFromKey("tenant-a", `${tenantBackupPrefix("tenant-a")}${id}.json`)).toBe(id);
    expect(manifestIdFromKey("tenant-a", `${tenantBackupPrefix("tenant-a")}${id}.tar.gz`)).toBeNull();
    expect(manifestIdFromKey("tenant-a", `${tenantBackupPrefix("tenant-ab")}${id}.json`)).toBeNull();
    expect(manifestIdFromKey("tenant-a", `${tenantBackupPrefix("tenant-a")}../x.json`)).toBeNull();
  });

  it("keeps the newest N and always at least one", () => {
    const backups = [
      { id: "20261121T060000001Z-aaaaaa", reason: "scheduled" as const },
      { id: "20261121T060000003Z-aaaaaa", reason: "scheduled" as const },
      { id: "20261121T060000002Z-aaaaaa", reason: "scheduled" as const },
    ];
    expect(idsBeyondRetention(backups, 2)).toEqual(["20261121T060000001Z-aaaaaa"]);
    expect(idsBeyondRetention(backups, 0)).toEqual(["20261121T060000002Z-aaaaaa", "20261121T060000001Z-aaaaaa"]);
    expect(idsBeyondRetention(backups, 10)).toEqual([]);
  });

  it("never drops the newest backup of a reason, however many newer ones came after it", () => {
    const backups = [
      { id: "20261121T060000001Z-aaaaaa", reason: "manual" as const },
      { id: "20261121T060000002Z-aaaaaa", reason: "restore" as const },
      { id: "20261121T060000003Z-aaaaaa", reason: "manual" as const },
      { id: "20261121T060000004Z-aaaaaa", reason: "scheduled" as const },
      { id: "20261121T060000005Z-aaaaaa", reason: "scheduled" as const },
      { id: "20261121T060000006Z-aaaaaa", reason: "scheduled" as const },
    ];
    expect(idsBeyondRetention(backups, 2)).toEqual(["20261121T060000004Z-aaaaaa", "20261121T060000001Z-aaaaaa"]);
  });
});
