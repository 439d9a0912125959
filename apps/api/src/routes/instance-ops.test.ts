import { describe, expect, it } from "vitest";
import { tenantIdForUser } from "../auth/tenant-id.ts";
import { admin, call, expectError, jsonOf, newUser } from "../test-harness.ts";
import { deviceWsUrl } from "./device-link-route.ts";

// As in instance-routes.test.ts, no sandbox host answers here: every gateway start fails,
// so an instance exists (in state error) but never runs.
async function userWithFailedInstance() {
  const user = await newUser({ access: true });
  await expectError(await call("/api/openclaw/instance", { method: "POST", headers: user.headers }), 502, "gateway_failed_to_start");
  return user;
}

describe("stop, logs, device links and the admin's instance view", () => {
  it("answer no_instance before there is one", async () => {
    const user = await newUser({ access: true });
    await expectError(await call("/api/openclaw/stop", { method: "POST", headers: user.headers }), 404, "no_instance");
    await expectError(await call("/api/openclaw/logs", { headers: user.headers }), 404, "no_instance");
    await expectError(await call("/api/openclaw/devices/link", { method: "POST", headers: user.headers }), 404, "no_instance");
    const view = await jsonOf(await call(`/api/admin/users/${user.id}/instance`, { headers: (await admin()).headers }));
    expect(view).toEqual({ user: expect.objectContaining({ id: user.id, email: user.email }), instance: null, logs: [] });
  });

  it("a stop that cannot reach the sandbox is a clear gateway_unavailable", async () => {
    const user = await userWithFailedInstance();
    await expectError(await call("/api/openclaw/stop", { method: "POST", headers: user.headers }), 502, "gateway_unavailable");
    await expectError(await call("/api/openclaw/logs?lines=5", { headers: user.headers }), 502, "gateway_unavailable");
  });

  it("shows an admin the user's instance with its live state, read from the tenant derived from the user", async () => {
    const user = await userWithFailedInstance();
    const view = await jsonOf<{ user: { id: string }; instance: { instance: { status: string }; runtime: { state: string }; availability: unknown }; logs: string[] }>(
      await call(`/api/admin/users/${user.id}/instance`, { headers: (await admin()).headers }),
    );
    expect(view.user.id).toBe(user.id);
    expect(view.instance.instance.status).toBe("error");
    expect(view.instance.runtime.state).toBe("error");
    expect(view.logs).toEqual([]);
  });

  it("makes a device link on the request's origin, whose ticket the API's /gateway path passes to the runtime", async () => {
    const user = await userWithFailedInstance();
    const tenant = await tenantIdForUser(user.id);
    await expectError(await call("/api/openclaw/devices/link", { method: "POST", headers: user.headers, json: { ttlSeconds: 601 } }), 400, "invalid_request");
    const created = await call("/api/openclaw/devices/link", { method: "POST", headers: user.headers, json: { ttlSeconds: 120 } });
    const link = await jsonOf<{ wsUrl: string; expiresAt: string; path: string }>(created);
    expect(created.status).toBe(201);
    expect(link.path).toBe(`/gateway/${tenant}/`);
    expect(link.wsUrl).toMatch(new RegExp(`^ws://api\\.test/gateway/${tenant}/\\?ticket=.+`));
    expect(Date.parse(link.expiresAt) - Date.now()).toBeGreaterThan(100_000);

    // No session, no API auth: the runtime admits the ticket for a WebSocket and reaches the tenant (whose gateway cannot start here).
    const path = new URL(link.wsUrl).pathname + new URL(link.wsUrl).search;
    const admitted = await call(path, { headers: { upgrade: "websocket" } });
    expect(admitted.status).not.toBe(401);
    expect(((await admitted.json()) as { error: { code: string } }).error.code).toMatch(/^gateway_/);
    // A browser's plain GET is told the path is for devices.
    await expectError(await call(path), 426, "upgrade_required");
    // Without a ticket, or with it on another tenant's path, the runtime refuses.
    const refused = await expectError(await call(`/gateway/${tenant}`, { headers: { upgrade: "websocket" } }), 401, "unauthorized");
    expect(refused.message).toContain("ticket");
    await expectError(await call(`/gateway/u-0000000000000000000000000000beef/${new URL(link.wsUrl).search}`, { headers: { upgrade: "websocket" } }), 401, "unauthorized");
    await expectError(await call(`/gateway/${tenant}/?ticket=forged`, { headers: { upgrade: "websocket" } }), 401, "unauthorized");
  });

  it("opens the Control UI on the tenant's own origin: once per ticket, then by its cookie", async () => {
    const user = await userWithFailedInstance();
    const tenant = await tenantIdForUser(user.id);
    await expectError(await call("/api/openclaw/control-ui/link", { method: "POST", headers: user.headers, json: { ttlSeconds: 60 } }), 400, "invalid_request");
    const link = await jsonOf<{ url: string; expiresAt: string }>(await call("/api/openclaw/control-ui/link", { method: "POST", headers: user.headers }));
    const url = new URL(link.url);
    expect(url.origin).toBe(`http://${tenant}.ui.localhost:8789`);
    expect(Date.parse(link.expiresAt) - Date.now()).toBeLessThanOrEqual(120_000);

    const opened = await call(link.url, { redirect: "manual" });
    expect(opened.status).toBe(303);
    expect(opened.headers.get("location")).toBe("/");
    const cookie = (opened.headers.get("set-cookie") ?? "").split(";")[0]!;
    expect(cookie).toMatch(/^occ_control_ui=/);
    await expectError(await call(link.url), 401, "ticket_used");
    // The cookie reaches the tenant (whose gateway cannot start here); without it, nothing does.
    const admitted = await call(`${url.origin}/`, { headers: { cookie } });
    expect(((await admitted.json()) as { error: { code: string } }).error.code).toMatch(/^gateway_/);
    await expectError(await call(`${url.origin}/`), 401, "unauthorized");
    // Another tenant's host does not take this tenant's cookie; the API itself is not served there.
    await expectError(await call("http://u-0000000000000000000000000000beef.ui.localhost:8789/", { headers: { cookie } }), 401, "unauthorized");
    await expectError(await call(`${url.origin}/api/me`, { headers: { ...user.headers } }), 401, "unauthorized");
    await expectError(await call(`${url.origin}/api/me`, { headers: { cookie, ...user.headers } }), 403, "forbidden");
    // A WebSocket only from the Control UI's own page.
    await expectError(await call(`${url.origin}/`, { headers: { cookie, upgrade: "websocket", origin: "https://evil.example" } }), 403, "forbidden");
  });

  it("builds wss: links for an https origin, keeping the site's host and port", () => {
    expect(deviceWsUrl("https://site.example/api/openclaw/devices/link", "/gateway/u-1/", "a+b/c")).toBe("wss://site.example/gateway/u-1/?ticket=a%2Bb%2Fc");
    expect(deviceWsUrl("http://127.0.0.1:8787/api/openclaw/devices/link?x=1", "/gateway/u-1/", "t")).toBe("ws://127.0.0.1:8787/gateway/u-1/?ticket=t");
  });
});
