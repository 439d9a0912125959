import { describe, expect, it } from "vitest";
import type { ProxyPass } from "../http/proxy-ticket.ts";
import { DEVICE_CLAIM_MS, admitDeviceTicket, claimDeviceTicket, redeemControlUiTicket } from "./ticket-ledger.ts";

const controlUi: ProxyPass = { tenantId: "tenant-a", purpose: "control-ui", id: "id-0123456789abcdef", expiresAt: 1000 };
const device: ProxyPass = { ...controlUi, purpose: "device" };
const refused = (code: string) => ({ ok: false, error: expect.objectContaining({ code, status: 401 }) });

describe("Control UI tickets", () => {
  it("open once, before they expire", () => {
    const first = redeemControlUiTicket(undefined, controlUi, 999);
    expect(first).toEqual({ ok: true, record: { purpose: "control-ui", keepUntil: 1000 } });
    expect(redeemControlUiTicket(first.ok ? (first.record ?? undefined) : undefined, controlUi, 999)).toEqual(refused("ticket_used"));
    expect(redeemControlUiTicket(undefined, controlUi, 1000)).toEqual(refused("ticket_expired"));
  });
});

describe("device tickets", () => {
  it("admit an upgrade while unclaimed and unexpired, or while the claim lives", () => {
    expect(admitDeviceTicket(undefined, device, 999)).toEqual({ ok: true, record: null });
    expect(admitDeviceTicket(undefined, device, 1000)).toEqual(refused("ticket_expired"));
    const claim = { purpose: "device" as const, deviceId: "dev-1", keepUntil: 5000 };
    expect(admitDeviceTicket(claim, device, 4999)).toEqual({ ok: true, record: null });
    expect(admitDeviceTicket(claim, device, 5000)).toEqual(refused("ticket_expired"));
    expect(admitDeviceTicket({ purpose: "control-ui", keepUntil: 5000 }, device, 1)).toEqual(refused("ticket_used"));
  });

  it("belong to the first device that connects; it renews its claim, others are refused", () => {
    expect(claimDeviceTicket(undefined, "dev-1", 100)).toEqual({ ok: true, record: { purpose: "device", deviceId: "dev-1", keepUntil: 100 + DEVICE_CLAIM_MS } });
    const claim = { purpose: "device" as const, deviceId: "dev-1", keepUntil: 200 };
    expect(claimDeviceTicket(claim, "dev-1", 150)).toEqual({ ok: true, record: { ...claim, keepUntil: 150 + DEVICE_CLAIM_MS } });
    expect(claimDeviceTicket(claim, "dev-2", 150)).toEqual(refused("ticket_used"));
  });
});
