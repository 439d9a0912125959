import { describe, expect, it } from "vitest";
import { admin, call, expectError, jsonOf, newUser, type TestUser } from "../test-harness.ts";

const BIG = "x".repeat(1024 * 1024 + 10);

/** Bad bodies and parameters per route, each answered with a clear JSON error before any work. */
const CASES: ReadonlyArray<{ method: string; path: string; body?: string; status: number; code: string; admin?: boolean }> = [
  { method: "POST", path: "/api/waitlist", body: "{nope", status: 400, code: "invalid_json" },
  { method: "POST", path: "/api/waitlist", body: JSON.stringify({ note: 5 }), status: 400, code: "invalid_request" },
  { method: "POST", path: "/api/tokens", body: "", status: 400, code: "invalid_json" },
  { method: "POST", path: "/api/tokens", body: JSON.stringify({ name: "" }), status: 400, code: "invalid_request" },
  { method: "POST", path: "/api/tokens", body: JSON.stringify({ name: "a", extra: 1 }), status: 400, code: "invalid_request" },
  { method: "POST", path: "/api/tokens", body: JSON.stringify({ name: BIG }), status: 413, code: "payload_too_large" },
  { method: "DELETE", path: "/api/tokens/bad%20id", status: 400, code: "invalid_request" },
  { method: "PUT", path: "/api/keys/nope", body: JSON.stringify({ key: "abcdefghijkl" }), status: 400, code: "invalid_request" },
  { method: "PUT", path: "/api/keys/openai", body: JSON.stringify({ key: "short" }), status: 400, code: "invalid_request" },
  { method: "PUT", path: "/api/keys/openai", body: JSON.stringify({ key: "has spaces inside" }), status: 400, code: "invalid_request" },
  { method: "PUT", path: "/api/keys/openai", body: JSON.stringify({ key: "abcdefghijkl", baseUrl: "ftp://x" }), status: 400, code: "invalid_request" },
  { method: "DELETE", path: "/api/keys/nope", status: 400, code: "invalid_request" },
  { method: "POST", path: "/api/openclaw/instance", body: JSON.stringify({ provider: "nope" }), status: 400, code: "invalid_request" },
  { method: "POST", path: "/api/openclaw/instance", body: JSON.stringify({ model: "has space" }), status: 400, code: "invalid_request" },
  { method: "POST", path: "/api/openclaw/instance", body: "[", status: 400, code: "invalid_json" },
  { method: "DELETE", path: "/api/openclaw/instance?purgeBackups=maybe", status: 400, code: "invalid_request" },
  { method: "POST", path: "/api/openclaw/restore", body: JSON.stringify({ id: "../x" }), status: 400, code: "invalid_request" },
  { method: "POST", path: "/api/openclaw/devices/bad%20id/approve", status: 400, code: "invalid_request" },
  { method: "POST", path: "/api/openclaw/devices/req-1/explode", status: 404, code: "not_found" },
  { method: "GET", path: "/api/openclaw/pairing?channel=bad%20channel", status: 400, code: "invalid_request" },
  { method: "GET", path: "/api/openclaw/pairing?other=1", status: 400, code: "invalid_request" },
  { method: "POST", path: "/api/openclaw/pairing/approve", body: JSON.stringify({ channel: "telegram" }), status: 400, code: "invalid_request" },
  { method: "GET", path: `/api/openclaw/sessions/${"k".repeat(600)}/history`, status: 400, code: "invalid_request" },
  { method: "POST", path: "/api/openclaw/sessions/main/send", body: JSON.stringify({ message: "" }), status: 400, code: "invalid_request" },
  { method: "POST", path: "/api/openclaw/tools/invoke", body: JSON.stringify({ tool: "bad tool" }), status: 400, code: "invalid_request" },
  { method: "POST", path: "/api/openclaw/tools/invoke", body: JSON.stringify({ tool: "x", args: [] }), status: 400, code: "invalid_request" },
  { method: "POST", path: "/api/openclaw/chat", body: JSON.stringify({ message: 42 }), status: 400, code: "invalid_request" },
  { method: "POST", path: "/api/openclaw/chat", body: "not json", status: 400, code: "invalid_json" },
  { method: "POST", path: "/api/openclaw/v1/responses", body: JSON.stringify({ model: "openclaw" }), status: 400, code: "invalid_request" },
  { method: "PUT", path: "/api/openclaw/channels/discord", body: JSON.stringify({ botToken: "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw" }), status: 400, code: "invalid_request" },
  { method: "PUT", path: "/api/openclaw/channels/telegram", body: JSON.stringify({ botToken: "123456789:short" }), status: 400, code: "invalid_request" },
  { method: "PUT", path: "/api/openclaw/channels/telegram", body: JSON.stringify({ token: "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw" }), status: 400, code: "invalid_request" },
  { method: "PUT", path: "/api/openclaw/channels/telegram", body: "{", status: 400, code: "invalid_json" },
  { method: "DELETE", path: "/api/openclaw/channels/discord", status: 400, code: "invalid_request" },
  { method: "GET", path: "/api/openclaw/logs?lines=0", status: 400, code: "invalid_request" },
  { method: "GET", path: "/api/openclaw/logs?lines=501", status: 400, code: "invalid_request" },
  { method: "GET", path: "/api/openclaw/logs?lines=x", status: 400, code: "invalid_request" },
  { method: "GET", path: "/api/openclaw/logs?other=1", status: 400, code: "invalid_request" },
  { method: "POST", path: "/api/openclaw/devices/link", body: JSON.stringify({ ttlSeconds: 5 }), status: 400, code: "invalid_request" },
  { method: "POST", path: "/api/openclaw/devices/link", body: JSON.stringify({ other: 1 }), status: 400, code: "invalid_request" },
  { method: "POST", path: "/api/openclaw/devices/link", body: JSON.stringify({ ttlSeconds: 3600 }), status: 400, code: "invalid_request" },
  { method: "POST", path: "/api/openclaw/control-ui/link", body: JSON.stringify({ ttlSeconds: 60 }), status: 400, code: "invalid_request" },
  { method: "POST", path: "/api/openclaw/control-ui/link", body: "{", status: 400, code: "invalid_json" },
  { method: "GET", path: "/api/admin/users/bad%20id/instance", status: 400, code: "invalid_request", admin: true },
  { method: "GET", path: "/api/admin/users/does-not-exist/instance", status: 404, code: "not_found", admin: true },
  { method: "POST", path: "/api/admin/users/u1/access", body: JSON.stringify({ enabled: "yes" }), status: 400, code: "invalid_request", admin: true },
  { method: "POST", path: "/api/admin/users/u1/role", body: JSON.stringify({ role: "root" }), status: 400, code: "invalid_request", admin: true },
  { method: "POST", path: "/api/admin/users/u1/credits", body: JSON.stringify({ amount: 0, reason: "x" }), status: 400, code: "invalid_request", admin: true },
  { method: "POST", path: "/api/admin/users/u1/credits", body: JSON.stringify({ amount: 1.5, reason: "x" }), status: 400, code: "invalid_request", admin: true },
  { method: "POST", path: "/api/admin/users/does-not-exist/credits", body: JSON.stringify({ amount: 5, reason: "x" }), status: 404, code: "not_found", admin: true },
  { method: "POST", path: "/api/admin/waitlist/does-not-exist/approve", status: 404, code: "not_found", admin: true },
  { method: "GET", path: "/api/admin/audit?limit=0", status: 400, code: "invalid_request", admin: true },
  { method: "GET", path: "/api/nowhere", status: 404, code: "not_found" },
];

async function storedState(user: TestUser) {
  const [tokens, keys, channels, instance, billing] = await Promise.all([
    call("/api/tokens", { headers: user.headers }).then((r) => r.text()),
    call("/api/keys", { headers: user.headers }).then((r) => r.text()),
    call("/api/openclaw/channels", { headers: user.headers }).then((r) => r.text()),
    call("/api/openclaw/instance", { headers: user.headers }).then((r) => r.status),
    call("/api/openclaw/billing/summary", { headers: user.headers }).then((r) => r.text()),
  ]);
  return { tokens, keys, channels, instance, billing };
}

describe("bad input", () => {
  it("gets a clear JSON error with the right status on every route, and nothing stored is lost", async () => {
    const user = await newUser({ access: true, credits: 100 });
    await call("/api/tokens", { method: "POST", headers: user.headers, json: { name: "keep" } });
    await call("/api/keys/openai", { method: "PUT", headers: user.headers, json: { key: "sk-keep-12345678" } });
    await call("/api/openclaw/channels/telegram", { method: "PUT", headers: user.headers, json: { botToken: "123456789:AAHkeepTokenValue0123456789x" } });
    const before = await storedState(user);
    const adminHeaders = (await admin()).headers;
    for (const { method, path, body, status, code, admin: asAdmin } of CASES) {
      const headers = { ...(asAdmin ? adminHeaders : user.headers), "content-type": "application/json" };
      const response = await call(path, { method, headers, ...(body !== undefined ? { body } : {}) });
      expect(response.headers.get("content-type"), `${method} ${path}`).toContain("application/json");
      await expectError(response, status, code).catch((error: Error) => {
        throw new Error(`${method} ${path}: ${error.message}`);
      });
    }
    expect(await storedState(user)).toEqual(before);
    expect(JSON.parse(before.keys).keys).toHaveLength(1);
    expect(JSON.parse(before.channels).telegram.configured).toBe(true);
  });

  it("refuses an API request with a session key the gateway reserves", async () => {
    const user = await newUser({ access: true, credits: 100 });
    const { token } = await jsonOf<{ token: string }>(await call("/api/tokens", { method: "POST", headers: user.headers, json: { name: "t" } }));
    const response = await call("/api/openclaw/v1/responses", {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "x-openclaw-session-key": "x".repeat(600) },
      json: { input: "hi" },
    });
    await expectError(response, 400, "invalid_request");
  });
});
