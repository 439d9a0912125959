import { describe, expect, it } from "vitest";
import { issueProxyTicket, verifyProxyTicket } from "./proxy-ticket.ts";

describe("proxy tickets", () => {
  it("verify for their own tenant until they expire", async () => {
    const ticket = await issueProxyTicket("s3cret", "tenant-a", 2000);
    expect(await verifyProxyTicket("s3cret", ticket, "tenant-a", 1000)).toBe(true);
    expect(await verifyProxyTicket("s3cret", ticket, "tenant-a", 2000)).toBe(false);
    expect(await verifyProxyTicket("s3cret", ticket, "tenant-b", 1000)).toBe(false);
    expect(await verifyProxyTicket("other", ticket, "tenant-a", 1000)).toBe(false);
  });

  it("reject tampering and garbage", async () => {
    const ticket = await issueProxyTicket("s3cret", "tenant-a", 2000);
    const [, , signature] = ticket.split(".");
    expect(await verifyProxyTicket("s3cret", `tenant-a.9999999.${signature}`, "tenant-a", 1000)).toBe(false);
    for (const bad of ["", "a.b", "tenant-a.x.y", "tenant-a.1e9.zz", `${ticket}.extra`]) {
      expect(await verifyProxyTicket("s3cret", bad, "tenant-a", 1000)).toBe(false);
    }
  });
});
