import { describe, expect, it } from "vitest";
import { newPassId, readProxyPass, signProxyPass, type ProxyPass } from "./proxy-ticket.ts";

const pass: ProxyPass = { tenantId: "tenant-a", purpose: "device", id: newPassId(), expiresAt: 2000 };

describe("proxy passes", () => {
  it("read back for their own tenant and purpose only", async () => {
    const token = await signProxyPass("s3cret", pass);
    expect(await readProxyPass("s3cret", token, { tenantId: "tenant-a", purpose: "device" })).toEqual(pass);
    expect(await readProxyPass("s3cret", token, { tenantId: "tenant-b", purpose: "device" })).toBeNull();
    expect(await readProxyPass("s3cret", token, { tenantId: "tenant-a", purpose: "control-ui" })).toBeNull();
    expect(await readProxyPass("other", token, { tenantId: "tenant-a", purpose: "device" })).toBeNull();
  });

  it("carry a fresh random id each", () => {
    expect(newPassId()).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(newPassId()).not.toBe(newPassId());
  });

  it("reject tampering and garbage", async () => {
    const token = await signProxyPass("s3cret", pass);
    const [, , id, , signature] = token.split(".");
    const expected = { tenantId: "tenant-a", purpose: "device" } as const;
    for (const forged of [`tenant-a.device.${id}.9999999.${signature}`, `tenant-a.control-ui.${id}.2000.${signature}`]) {
      expect(await readProxyPass("s3cret", forged, { ...expected, purpose: forged.includes("control-ui") ? "control-ui" : "device" })).toBeNull();
    }
    for (const bad of ["", "a.b", "tenant-a.device.short.1.x", `tenant-a.device.${id}.1e9.zz`, `${token}.extra`]) {
      expect(await readProxyPass("s3cret", bad, expected)).toBeNull();
    }
  });
});
