import { describe, expect, it } from "vitest";
import {
  devicePairApproveReply,
  devicePairListReply,
  dmPairingListReply,
  helloOkReply,
  toDevicePairingList,
  toDmPairingList,
  toExecApprovals,
  execApprovalListReply,
  toGatewayStatus,
  toPairedDevice,
} from "./rpc-results.ts";

// Shapes as openclaw@2026.9.6 sends them (captured from a real gateway).
const pendingNode = {
  requestId: "56694732-d541-40d0-910a-740282fd0b2d",
  deviceId: "c1c2d961b22a99cca178540588fd494bfad9707919c51e2958de51cd840b4b75",
  publicKey: "zoWf9lzzSX4CNBzxCDIBX_1ORPFpuRWTM2S1JAul_1M",
  displayName: "exp node",
  platform: "linux",
  deviceFamily: "Linux",
  clientId: "node-host",
  clientMode: "node",
  role: "node",
  roles: ["node"],
  scopes: [],
  remoteIp: "203.0.113.7",
  silent: false,
  isRepair: false,
  ts: 1795240173132,
};

const approvedNode = {
  deviceId: pendingNode.deviceId,
  publicKey: pendingNode.publicKey,
  displayName: "exp node",
  platform: "linux",
  deviceFamily: "Linux",
  clientId: "node-host",
  clientMode: "node",
  role: "node",
  roles: ["node"],
  scopes: [],
  remoteIp: "203.0.113.7",
  approvedVia: "owner",
  createdAtMs: 1795240175576,
  approvedAtMs: 1795240175576,
  tokens: [{ role: "node", scopes: [], createdAtMs: 1795240175576 }],
};

describe("device pairing replies", () => {
  it("maps a pending request and a paired device to our types", () => {
    const reply = devicePairListReply.parse({ pending: [pendingNode], paired: [{ ...approvedNode, connected: true }] });
    expect(toDevicePairingList(reply)).toEqual({
      pending: [
        {
          requestId: pendingNode.requestId,
          deviceId: pendingNode.deviceId,
          displayName: "exp node",
          platform: "linux",
          deviceFamily: "Linux",
          clientId: "node-host",
          clientMode: "node",
          roles: ["node"],
          scopes: [],
          remoteIp: "203.0.113.7",
          isRepair: false,
          requestedAt: 1795240173132,
        },
      ],
      paired: [
        {
          deviceId: pendingNode.deviceId,
          displayName: "exp node",
          platform: "linux",
          deviceFamily: "Linux",
          clientId: "node-host",
          clientMode: "node",
          roles: ["node"],
          scopes: [],
          remoteIp: "203.0.113.7",
          approvedAt: 1795240175576,
          connected: true,
        },
      ],
    });
  });

  it("never carries token material into our types", () => {
    const device = toPairedDevice(devicePairApproveReply.parse({ requestId: "r", device: approvedNode }).device);
    expect(JSON.stringify(device)).not.toContain("tokens");
    expect(device.connected).toBe(false);
  });

  it("prefers the operator's label and falls back from roles to role", () => {
    const device = toPairedDevice({ deviceId: "d", displayName: "self-named", operatorLabel: "Kitchen Mac", role: "operator" });
    expect(device).toMatchObject({ displayName: "Kitchen Mac", roles: ["operator"], scopes: [] });
  });

  it("leaves optional fields out rather than undefined", () => {
    const [pending] = toDevicePairingList(devicePairListReply.parse({ pending: [{ requestId: "r", deviceId: "d", ts: 1 }], paired: [] })).pending;
    expect(pending).toEqual({ requestId: "r", deviceId: "d", roles: [], scopes: [], isRepair: false, requestedAt: 1 });
  });

  it.each([
    ["a pending entry without requestId", { pending: [{ deviceId: "d", ts: 1 }], paired: [] }],
    ["a pending entry without timestamp", { pending: [{ requestId: "r", deviceId: "d" }], paired: [] }],
    ["no paired list", { pending: [] }],
    ["a list that is not an array", { pending: {}, paired: [] }],
  ])("rejects %s", (_label, reply) => {
    expect(devicePairListReply.safeParse(reply).success).toBe(false);
  });
});

describe("DM pairing replies", () => {
  it("maps accounts and requests", () => {
    const reply = dmPairingListReply.parse({
      accounts: [{ channel: "telegram", channelLabel: "Telegram", accountId: "default", notifySupported: true }],
      requests: [
        {
          requestId: "abc",
          channel: "telegram",
          channelLabel: "Telegram",
          accountId: "default",
          senderId: "12345",
          senderLabel: "Telegram user id",
          metadata: { username: "ann" },
          createdAt: "2026-11-21T00:00:00.000Z",
          lastSeenAt: "2026-11-21T00:00:00.000Z",
          expiresAt: "2026-11-21T01:00:00.000Z",
          notifySupported: true,
        },
      ],
      commandOwnerConfigured: false,
      limits: { pendingPerAccount: 3, ttlMs: 3600000 },
    });
    expect(toDmPairingList(reply)).toEqual({
      accounts: [{ channel: "telegram", accountId: "default", label: "Telegram" }],
      requests: [
        {
          requestId: "abc",
          channel: "telegram",
          accountId: "default",
          senderId: "12345",
          senderLabel: "Telegram user id",
          metadata: { username: "ann" },
          createdAt: "2026-11-21T00:00:00.000Z",
          expiresAt: "2026-11-21T01:00:00.000Z",
        },
      ],
    });
  });
});

describe("toGatewayStatus", () => {
  const hello = helloOkReply.parse({
    type: "hello-ok",
    server: { version: "2026.9.6", connId: "c" },
    snapshot: { uptimeMs: 10_000 },
    auth: { role: "operator", scopes: ["operator.admin"] },
  });

  it("ages the handshake's uptime by the time since the handshake", () => {
    expect(toGatewayStatus(hello, { ok: true }, 2_500)).toEqual({ version: "2026.9.6", uptimeMs: 12_500, healthy: true });
  });

  it("omits uptime when the gateway did not report it", () => {
    const noUptime = helloOkReply.parse({ ...hello, snapshot: {} });
    expect(toGatewayStatus(noUptime, { ok: false }, 1)).toEqual({ version: "2026.9.6", healthy: false });
  });
});

describe("exec approval replies", () => {
  // The shape `exec.approval.list` answers with (openclaw 2026.9.6, listVisiblePendingApprovalRequests).
  const reply = [
    {
      id: "5f0c7d1e-7a38-4a4e-9d0b-1b2f6b1f7c11",
      request: {
        command: "touch /tmp/x",
        commandArgv: ["touch", "/tmp/x"],
        systemRunPlan: null,
        cwd: "/state/workspace",
        host: "gateway",
        agentId: "main",
        sessionKey: "agent:main:main",
        ask: "on-miss",
      },
      createdAtMs: 1_700_000_000_000,
      expiresAtMs: 1_700_000_120_000,
      approvalKind: "exec",
    },
    { id: "node-1", request: { host: "node", systemRunPlan: { commandText: "ls -la" } }, createdAtMs: 5 },
  ];

  it("maps each pending request to its command, where and for which session, and when it expires", () => {
    expect(toExecApprovals(execApprovalListReply.parse(reply))).toEqual([
      { id: reply[0]!.id, command: "touch /tmp/x", cwd: "/state/workspace", sessionKey: "agent:main:main", createdAt: 1_700_000_000_000, expiresAt: 1_700_000_120_000 },
      { id: "node-1", command: "ls -la", cwd: null, sessionKey: null, createdAt: 5, expiresAt: null },
    ]);
  });

  it("refuses a reply without ids", () => {
    expect(execApprovalListReply.safeParse([{ request: {}, createdAtMs: 1 }]).success).toBe(false);
  });
});
