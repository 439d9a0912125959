import { describe, expect, it } from "vitest";
import { tenantIdForUser } from "../auth/tenant-id.ts";
import { admin, call, expectError, jsonOf, newUser } from "../test-harness.ts";
import { deviceLinkUrls } from "./device-link-route.ts";

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
    const created = await call("/api/openclaw/devices/link", { method: "POST", headers: user.headers, json: { ttlSeconds: 120 } });
    const link = await jsonOf<{ url: string; wsUrl: string; expiresAt: string; path: string }>(created);
    expect(created.status).toBe(201);
    expect(link.path).toBe(`/gateway/${tenant}/`);
    expect(link.url).toMatch(new RegExp(`^http://api\\.test/gateway/${tenant}/\\?ticket=.+`));
    expect(link.wsUrl).toBe(link.url.replace(/^http:/, "ws:"));
    expect(Date.parse(link.expiresAt) - Date.now()).toBeGreaterThan(100_000);

    // No session, no API auth: the runtime admits the ticket and reaches the tenant (whose gateway cannot start here).
    const path = new URL(link.url).pathname + new URL(link.url).search;
    const admitted = await call(path);
    expect(admitted.status).not.toBe(401);
    expect(((await admitted.json()) as { error: { code: string } }).error.code).toMatch(/^gateway_/);
    // Without a ticket, or with it on another tenant's path, the runtime refuses.
    const refused = await expectError(await call(`/gateway/${tenant}`), 401, "unauthorized");
    expect(refused.message).toContain("ticket");
    await expectError(await call(`/gateway/u-0000000000000000000000000000beef/${new URL(link.url).search}`), 401, "unauthorized");
    await expectError(await call(`/gateway/${tenant}/?ticket=forged`), 401, "unauthorized");
  });

  it("builds wss: links for an https origin, keeping the site's host and port", () => {
    expect(deviceLinkUrls("https://site.example/api/openclaw/devices/link", "/gateway/u-1/", "a+b/c")).toEqual({
      url: "https://site.example/gateway/u-1/?ticket=a%2Bb%2Fc",
      wsUrl: "wss://site.example/gateway/u-1/?ticket=a%2Bb%2Fc",
    });
    expect(deviceLinkUrls("http://127.0.0.1:8787/api/openclaw/devices/link?x=1", "/gateway/u-1/", "t").wsUrl).toBe("ws://127.0.0.1:8787/gateway/u-1/?ticket=t");
  });
});
