import { describe, expect, it } from "vitest";
import { deviceKind, deviceName, expiresIn, groupDmRequests, listWords, nodeCommand } from "./device-view.ts";

describe("device wording", () => {
  it("names a device by its display name, else its platform and a short id", () => {
    expect(deviceName({ deviceId: "abcdef0123456789", displayName: "Office Mac" })).toBe("Office Mac");
    expect(deviceName({ deviceId: "abcdef0123456789", platform: "linux" })).toBe("linux abcdef01…");
    expect(deviceName({ deviceId: "abcdef0123456789", platform: "openclaw-cloud", displayName: "gateway-client" })).toBe("OpenClaw Cloud (this website's own connection)");
    expect(deviceName({ deviceId: "abc" })).toBe("Device abc");
  });

  it("lists roles and scopes in words", () => {
    expect(listWords([])).toBe("none");
    expect(listWords(["node"])).toBe("node");
    expect(listWords(["operator.read", "operator.write", "node"])).toBe("operator.read, operator.write and node");
  });

  it("says what kind of client it is", () => {
    expect(deviceKind({ platform: "linux", clientId: "node-host", clientMode: "node" })).toBe("linux (node-host, node mode)");
    expect(deviceKind({})).toBe("unknown platform");
    expect(deviceKind({ platform: "linux", deviceFamily: "Linux", clientId: "node-host", clientMode: "node" })).toBe("linux (node-host, node mode)");
  });

  it("says how long a link still holds", () => {
    const now = Date.parse("2026-11-29T10:00:00Z");
    expect(expiresIn("2026-11-29T10:05:00Z", now)).toBe("expires in 5 minutes");
    expect(expiresIn("2026-11-29T10:00:30Z", now)).toBe("expires in 30 seconds");
    expect(expiresIn("2026-11-29T09:59:00Z", now)).toBe("expired");
    expect(expiresIn("nonsense", now)).toBe("expiry unknown");
  });
});

describe("groupDmRequests", () => {
  it("puts requests under their account and keeps accounts without requests", () => {
    const groups = groupDmRequests({
      accounts: [
        { channel: "telegram", accountId: "default", label: "Telegram" },
        { channel: "telegram", accountId: "work", label: "Work bot" },
      ],
      requests: [
        { requestId: "r1", channel: "telegram", accountId: "default", senderId: "42", metadata: {}, createdAt: "2026-11-29T10:00:00Z", expiresAt: "2026-11-29T11:00:00Z" },
        { requestId: "r2", channel: "discord", accountId: "default", senderId: "7", metadata: {}, createdAt: "2026-11-29T10:00:00Z", expiresAt: "2026-11-29T11:00:00Z" },
      ],
    });
    expect(groups.map((g) => [g.label, g.requests.map((r) => r.requestId)])).toEqual([
      ["Telegram", ["r1"]],
      ["Telegram: Work bot", []],
      ["Discord", ["r2"]],
    ]);
  });
});

describe("nodeCommand", () => {
  it("points openclaw node run at the link's host, port, TLS and path with the ticket", () => {
    expect(nodeCommand("wss://claw.example/gateway/u-1/?ticket=abc")).toBe(
      'openclaw node run --host claw.example --port 443 --tls --context-path "/gateway/u-1/?ticket=abc" --display-name "My computer"',
    );
    expect(nodeCommand("ws://127.0.0.1:8787/gateway/u-1/?ticket=abc", 'Ada\'s "laptop"')).toBe(
      'openclaw node run --host 127.0.0.1 --port 8787 --no-tls --context-path "/gateway/u-1/?ticket=abc" --display-name "Ada\'s laptop"',
    );
  });
});
