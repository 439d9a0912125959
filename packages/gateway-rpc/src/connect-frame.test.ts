import { describe, expect, it } from "vitest";
import { connectDeviceId, decideSharedAuth, injectSharedAuth, REDACTED_SECRET, scrubSharedSecret } from "./connect-frame.ts";

const TOKEN = "shared-0123456789abcdef0123456789abcdef";
const device = { id: "d1", publicKey: "pk", signature: "sig", signedAt: 1, nonce: "n" };

function connectFrame(params: Record<string, unknown>): string {
  return JSON.stringify({ type: "req", id: "1", method: "connect", params });
}

const nodeConnect = { minProtocol: 3, maxProtocol: 4, client: { id: "node-host", mode: "node", version: "1", platform: "linux" }, role: "node", device };

describe("injectSharedAuth", () => {
  it("adds the secret as auth.password to a device's credential-less connect", () => {
    const out = JSON.parse(injectSharedAuth(connectFrame(nodeConnect), TOKEN));
    expect(out.params.auth).toEqual({ password: TOKEN });
    expect(out.params.device).toEqual(device);
    expect(out).toMatchObject({ type: "req", id: "1", method: "connect" });
  });

  it("never puts the secret in auth.token, which the device proof covers", () => {
    const out = JSON.parse(injectSharedAuth(connectFrame({ ...nodeConnect, auth: {} }), TOKEN));
    expect(out.params.auth.token).toBeUndefined();
  });

  it("keeps other fields of an existing, credential-less auth object", () => {
    const out = JSON.parse(injectSharedAuth(connectFrame({ ...nodeConnect, auth: { note: "x" } }), TOKEN));
    expect(out.params.auth).toEqual({ note: "x", password: TOKEN });
  });

  it.each([
    ["a device token", { token: "device-token" }],
    ["an explicit device token", { token: "t", deviceToken: "t" }],
    ["a bootstrap (setup code) token", { bootstrapToken: "boot" }],
    ["a wrong shared token", { token: "guess" }],
    ["its own password", { password: "guess" }],
    ["an empty token", { token: "" }],
    ["a non-string credential", { token: 42 }],
  ])("leaves a client that brought %s alone", (_label, auth) => {
    const frame = connectFrame({ ...nodeConnect, auth });
    expect(injectSharedAuth(frame, TOKEN)).toBe(frame);
    expect(decideSharedAuth(frame)).toEqual({ inject: false, reason: "client-credentials" });
  });

  it("does not lend the secret to a client without a device identity", () => {
    const { device: _omitted, ...deviceless } = nodeConnect;
    const frame = connectFrame({ ...deviceless, role: "operator", scopes: ["operator.admin"] });
    expect(injectSharedAuth(frame, TOKEN)).toBe(frame);
    expect(decideSharedAuth(frame)).toEqual({ inject: false, reason: "no-device-identity" });
  });

  it.each([
    ["null", null],
    ["a string", "d1"],
    ["missing its signature", { id: "d1", publicKey: "pk" }],
    ["with a numeric id", { id: 1, publicKey: "pk", signature: "s" }],
  ])("treats a device that is %s as no identity", (_label, badDevice) => {
    const frame = connectFrame({ ...nodeConnect, device: badDevice });
    expect(decideSharedAuth(frame)).toEqual({ inject: false, reason: "no-device-identity" });
    expect(injectSharedAuth(frame, TOKEN)).toBe(frame);
  });

  it("refuses the gateway's internal backend identity even with a device proof", () => {
    const frame = connectFrame({ ...nodeConnect, client: { id: "gateway-client", mode: "backend", version: "1", platform: "x" }, role: "operator" });
    expect(decideSharedAuth(frame)).toEqual({ inject: false, reason: "reserved-backend-identity" });
    expect(injectSharedAuth(frame, TOKEN)).toBe(frame);
  });

  it("lends the secret to other operator clients with a device proof (Control UI, CLI)", () => {
    for (const client of [
      { id: "openclaw-control-ui", mode: "webchat" },
      { id: "cli", mode: "cli" },
      { id: "gateway-client", mode: "ui" },
    ]) {
      const frame = connectFrame({ ...nodeConnect, client: { ...client, version: "1", platform: "web" }, role: "operator" });
      expect(decideSharedAuth(frame)).toEqual({ inject: true });
    }
  });

  it.each([
    ["a request for another method", JSON.stringify({ type: "req", id: "2", method: "chat.send", params: { text: "connect" } })],
    ["a response frame", JSON.stringify({ type: "res", id: "1", ok: true, payload: { method: "connect" } })],
    ["an event frame", JSON.stringify({ type: "event", event: "connect", payload: {} })],
    ["a connect without type req", JSON.stringify({ id: "1", method: "connect", params: nodeConnect })],
  ])("passes %s through untouched", (_label, frame) => {
    expect(injectSharedAuth(frame, TOKEN)).toBe(frame);
    expect(decideSharedAuth(frame)).toEqual({ inject: false, reason: "not-a-connect-request" });
  });

  it.each([
    ["empty text", ""],
    ["not JSON", "connect please"],
    ["truncated JSON", connectFrame(nodeConnect).slice(0, 40)],
    ["a JSON string", JSON.stringify("connect")],
    ["a JSON array", JSON.stringify(["connect"])],
    ["JSON null", "null"],
    ["a number", "1"],
  ])("never throws on malformed input: %s", (_label, frame) => {
    expect(injectSharedAuth(frame, TOKEN)).toBe(frame);
    expect(decideSharedAuth(frame)).toEqual({ inject: false, reason: "not-a-connect-request" });
  });

  it.each([
    ["params missing", JSON.stringify({ type: "req", id: "1", method: "connect" })],
    ["params an array", connectFrame([] as unknown as Record<string, unknown>)],
    ["auth a string", connectFrame({ ...nodeConnect, auth: "token" })],
    ["auth an array", connectFrame({ ...nodeConnect, auth: ["x"] })],
    ["auth null", connectFrame({ ...nodeConnect, auth: null })],
  ])("passes a malformed connect through for the gateway to reject: %s", (_label, frame) => {
    expect(injectSharedAuth(frame, TOKEN)).toBe(frame);
    expect(decideSharedAuth(frame)).toEqual({ inject: false, reason: "malformed-connect" });
  });

  it("ignores frames above the gateway's pre-auth size cap without parsing them", () => {
    const frame = connectFrame({ ...nodeConnect, padding: "x".repeat(70 * 1024) });
    expect(injectSharedAuth(frame, TOKEN)).toBe(frame);
  });

  it("does not let a __proto__ key smuggle fields into the rewritten frame", () => {
    const frame = `{"type":"req","id":"1","method":"connect","params":{"client":{"id":"node-host","mode":"node"},"device":{"id":"d","publicKey":"p","signature":"s"},"auth":{"__proto__":{"token":"x"}}}}`;
    const out = JSON.parse(injectSharedAuth(frame, TOKEN));
    expect(out.params.auth.password).toBe(TOKEN);
    expect(out.params.auth.token).toBeUndefined();
  });
});

describe("scrubSharedSecret", () => {
  it("replaces every occurrence of the secret", () => {
    const frame = JSON.stringify({ type: "event", event: "chat", payload: { text: `token=${TOKEN} again ${TOKEN}` } });
    const out = scrubSharedSecret(frame, TOKEN);
    expect(out).not.toContain(TOKEN);
    expect(JSON.parse(out).payload.text).toBe(`token=${REDACTED_SECRET} again ${REDACTED_SECRET}`);
  });

  it("returns the very same string when the secret is absent", () => {
    const frame = JSON.stringify({ type: "res", id: "1", ok: true, payload: { auth: { deviceToken: "other" } } });
    expect(scrubSharedSecret(frame, TOKEN)).toBe(frame);
  });

  it("does nothing for an empty secret", () => {
    expect(scrubSharedSecret("abc", "")).toBe("abc");
  });
});

describe("connectDeviceId", () => {
  it("reads the device id a connect claims, and nothing from other frames", () => {
    expect(connectDeviceId(connectFrame(nodeConnect))).toBe("d1");
    expect(connectDeviceId(connectFrame({ ...nodeConnect, device: undefined }))).toBeNull();
    expect(connectDeviceId(connectFrame({ ...nodeConnect, device: { id: 7 } }))).toBeNull();
    expect(connectDeviceId(JSON.stringify({ type: "req", id: "1", method: "chat.send", params: { device } }))).toBeNull();
    expect(connectDeviceId("not json")).toBeNull();
  });
});
