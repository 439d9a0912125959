import { describe, expect, it } from "vitest";
import { createApp } from "../app.ts";
import { SIGNED_IN_ROUTES, admin, call, expectError, jsonOf, newUser } from "../test-harness.ts";
import { AGENT_DOOR_ROUTE_PATTERNS, MODEL_PROXY_ROUTE_PATTERNS, OPEN_ROUTE_PATTERNS } from "./signed-in-routes.ts";

describe("access gating", () => {
  it("walks every route the app registers behind sign-in (the route table is complete)", () => {
    const outsideSignIn = new Set(MODEL_PROXY_ROUTE_PATTERNS.map(([method, path]) => `${method} ${path}`));
    const registered = createApp()
      .routes.filter((route) => route.method !== "ALL" && route.path.startsWith("/api/") && !route.path.startsWith("/api/auth/") && !outsideSignIn.has(`${route.method} ${route.path}`))
      .map((route) => ({ method: route.method, pattern: new RegExp(`^${route.path.replace(/:\w+\{([^}]+)\}/g, "($1)").replace(/:\w+/g, "[^/]+")}$`) }));
    expect(registered.length).toBeGreaterThan(30);
    for (const route of registered) {
      expect(
        SIGNED_IN_ROUTES.some(([method, path]) => method === route.method && route.pattern.test(path)),
        `${route.method} ${route.pattern}`,
      ).toBe(true);
    }
    for (const [method, path] of SIGNED_IN_ROUTES) {
      expect(
        registered.some((route) => route.method === method && route.pattern.test(path)),
        `${method} ${path}`,
      ).toBe(true);
    }
  });

  it("leaves only the health check and the device proxy (/gateway/*) outside sign-in (the /agents door signs in itself)", () => {
    // "/*" is middleware: the local-only runtime passthrough, which answers nothing without RUNTIME_PASSTHROUGH_PATH.
    const outside = createApp()
      .routes.filter((route) => !route.path.startsWith("/api/") && route.path !== "/*")
      .map((route) => `${route.method} ${route.path}`);
    expect(new Set(outside)).toEqual(new Set([...OPEN_ROUTE_PATTERNS, ...AGENT_DOOR_ROUTE_PATTERNS].map(([method, path]) => `${method} ${path}`)));
    expect(SIGNED_IN_ROUTES.filter(([, path]) => !path.startsWith("/api/"))).toEqual([]);
  });

  it("every signed-in route refuses a request without credentials, or with a wrong internal key", async () => {
    for (const [method, path] of SIGNED_IN_ROUTES) {
      await expectError(await call(path, { method }), 401, "unauthorized");
      await expectError(await call(path, { method, headers: { "x-oa-internal-key": "nope", "x-oa-user-id": "user_1" } }), 401, "unauthorized");
    }
  });

  it("a user without access gets 403 waitlist everywhere but /api/me and the waitlist", async () => {
    const user = await newUser();
    for (const [method, path] of SIGNED_IN_ROUTES) {
      if (path === "/api/me" || path === "/api/waitlist") continue;
      await expectError(await call(path, { method, headers: user.headers }), 403, "waitlist");
    }
    expect((await jsonOf<{ access: boolean }>(await call("/api/me", { headers: user.headers }))).access).toBe(false);
    expect(await jsonOf(await call("/api/waitlist", { headers: user.headers }))).toEqual({ entry: null, access: false });
    const joined = await jsonOf<{ entry: { email: string; approved: boolean } }>(await call("/api/waitlist", { method: "POST", headers: user.headers, json: { note: "hi" } }));
    expect(joined.entry).toMatchObject({ email: user.email, approved: false });
    expect(await jsonOf(await call("/api/waitlist", { headers: user.headers }))).toEqual({ entry: joined.entry, access: false });
  });

  it("an admin's waitlist approval lets the user in, a revoke shuts them out again, and both are audited", async () => {
    const user = await newUser();
    const { entry } = await jsonOf<{ entry: { id: string } }>(await call("/api/waitlist", { method: "POST", headers: user.headers }));
    const adminHeaders = (await admin()).headers;
    const listed = await jsonOf<{ entries: Array<{ id: string; email: string }> }>(await call("/api/admin/waitlist", { headers: adminHeaders }));
    expect(listed.entries.some((e) => e.id === entry.id && e.email === user.email)).toBe(true);

    expect((await call(`/api/admin/waitlist/${entry.id}/approve`, { method: "POST", headers: adminHeaders })).status).toBe(200);
    expect((await call("/api/tokens", { headers: user.headers })).status).toBe(200);
    expect((await call(`/api/admin/waitlist/${entry.id}/revoke`, { method: "POST", headers: adminHeaders })).status).toBe(200);
    await expectError(await call("/api/tokens", { headers: user.headers }), 403, "waitlist");

    const audit = await jsonOf<{ entries: Array<{ action: string; target: string }> }>(await call("/api/admin/audit?limit=50", { headers: adminHeaders }));
    const actions = audit.entries.filter((e) => e.target === entry.id).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["waitlist.approve", "waitlist.revoke"]));
  });

  it("admins turn a user's access on and off, set roles and grant credits, all audited; others get 403 forbidden", async () => {
    const user = await newUser({ access: true });
    for (const [method, path] of SIGNED_IN_ROUTES.filter(([, p]) => p.startsWith("/api/admin/"))) {
      await expectError(await call(path, { method, headers: user.headers }), 403, "forbidden");
    }
    const adminHeaders = (await admin()).headers;
    const users = await jsonOf<{ users: Array<{ id: string; accessEnabled: boolean }> }>(await call("/api/admin/users", { headers: adminHeaders }));
    expect(users.users.find((u) => u.id === user.id)?.accessEnabled).toBe(true);

    const off = await jsonOf<{ user: { accessEnabled: boolean } }>(await call(`/api/admin/users/${user.id}/access`, { method: "POST", headers: adminHeaders, json: { enabled: false } }));
    expect(off.user.accessEnabled).toBe(false);
    await expectError(await call("/api/keys", { headers: user.headers }), 403, "waitlist");
    await call(`/api/admin/users/${user.id}/access`, { method: "POST", headers: adminHeaders, json: { enabled: true } });

    const grant = await call(`/api/admin/users/${user.id}/credits`, { method: "POST", headers: adminHeaders, json: { amount: 500, reason: "welcome" } });
    expect(grant.status).toBe(201);
    const summary = await jsonOf<{ balance: number; creditsPerToken: number }>(await call("/api/openclaw/billing/summary", { headers: user.headers }));
    expect(summary.balance).toBe(500);

    const promoted = await jsonOf<{ user: { role: string } }>(await call(`/api/admin/users/${user.id}/role`, { method: "POST", headers: adminHeaders, json: { role: "admin" } }));
    expect(promoted.user.role).toBe("admin");
    expect((await call("/api/admin/users", { headers: user.headers })).status).toBe(200);

    const audit = await jsonOf<{ entries: Array<{ action: string; target: string }> }>(await call("/api/admin/audit?limit=100", { headers: adminHeaders }));
    const actions = audit.entries.filter((e) => e.target === user.id).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["user.access.enable", "user.access.disable", "credits.grant", "user.role.set"]));
  });

  it("admins see every instance with its live runtime state", async () => {
    const body = await jsonOf<{ instances: unknown[] }>(await call("/api/admin/instances", { headers: (await admin()).headers }));
    expect(Array.isArray(body.instances)).toBe(true);
  });
});
