import { WorkOS } from "@workos-inc/node";
import { describe, expect, it } from "vitest";
import { inject } from "vitest";
import "../test-harness-context.ts";
import { INTERNAL_KEY, call, expectError, jsonOf, newUser } from "../test-harness.ts";

const COOKIE_PASSWORD = "a-cookie-password-of-at-least-32-characters!";

function workosEnv() {
  const workos = inject("workos");
  return { WORKOS_API_KEY: workos.apiKey, WORKOS_CLIENT_ID: workos.clientId, WORKOS_COOKIE_PASSWORD: COOKIE_PASSWORD, WORKOS_API_BASE_URL: workos.url };
}

/** What the website's sign-in callback does: exchange an AuthKit code for a session sealed by the real SDK. */
async function sealedSession(user: { id: string; email: string }, options: { expired?: boolean } = {}): Promise<string> {
  const workos = inject("workos");
  const code = await jsonOf<{ code: string }>(
    await fetch(`${workos.url}/__test/codes`, {
      method: "POST",
      body: JSON.stringify({ user: { ...user, firstName: "Ada", lastName: "Lovelace" }, expired: options.expired ?? false }),
    }),
  );
  const url = new URL(workos.url);
  const client = new WorkOS(workos.apiKey, { clientId: workos.clientId, apiHostname: url.hostname, port: Number(url.port), https: false });
  const result = await client.userManagement.authenticateWithCode({ code: code.code, clientId: workos.clientId, session: { sealSession: true, cookiePassword: COOKIE_PASSWORD } });
  return result.sealedSession!;
}

describe("authentication", () => {
  it("refuses a request without credentials", async () => {
    await expectError(await call("/api/me"), 401, "unauthorized");
  });

  it("server-to-server: refuses a wrong internal key outright, registers a user on first contact with an email", async () => {
    await expectError(await call("/api/me", { headers: { "x-oa-internal-key": "wrong", "x-oa-user-id": "user_x" } }), 401, "unauthorized");
    await expectError(await call("/api/me", { headers: { "x-oa-internal-key": INTERNAL_KEY } }), 401, "unauthorized");
    await expectError(await call("/api/me", { headers: { "x-oa-internal-key": INTERNAL_KEY, "x-oa-user-id": `user_unknown_${Date.now()}` } }), 401, "unauthorized");
    const user = await newUser();
    const me = await jsonOf<{ user: { id: string; email: string }; authMethod: string; access: boolean }>(await call("/api/me", { headers: user.headers }));
    expect(me).toMatchObject({ user: { id: user.id, email: user.email }, authMethod: "internal", access: false, balance: 0 });
  });

  it("API tokens: work until revoked; malformed ones are refused", async () => {
    const user = await newUser({ access: true });
    const created = await jsonOf<{ id: string; token: string }>(await call("/api/tokens", { method: "POST", headers: user.headers, json: { name: "cli" } }));
    const bearer = { authorization: `Bearer ${created.token}` };
    expect((await jsonOf<{ authMethod: string }>(await call("/api/me", { headers: bearer }))).authMethod).toBe("token");
    expect((await call(`/api/tokens/${created.id}`, { method: "DELETE", headers: bearer })).status).toBe(200);
    await expectError(await call("/api/me", { headers: bearer }), 401, "unauthorized");
    for (const authorization of ["Bearer", "Bearer oc_short", "Basic abc", `Bearer ${created.token.slice(0, -1)}x`]) {
      await expectError(await call("/api/me", { headers: { authorization } }), 401, "unauthorized");
    }
  });

  it("local sign-in: a signed cookie when WorkOS is off; tampering is refused; sign-out clears it", async () => {
    const email = `local-${Date.now()}@unit.test`;
    const signIn = await call("/api/auth/local/sign-in", { method: "POST", json: { email, name: "Local" } });
    expect(signIn.status).toBe(200);
    const setCookie = signIn.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/^oc_session=[^;]+;.*HttpOnly/);
    expect(setCookie).toContain("SameSite=Lax");
    const cookie = setCookie.split(";")[0]!;
    expect((await jsonOf<{ user: { email: string } }>(await call("/api/me", { headers: { cookie } }))).user.email).toBe(email);
    await expectError(await call("/api/me", { headers: { cookie: `${cookie.slice(0, -2)}xx` } }), 401, "unauthorized");
    const signOut = await call("/api/auth/sign-out", { method: "POST", headers: { cookie } });
    expect(signOut.headers.get("set-cookie")).toContain("oc_session=;");
  });

  it("local sign-in does not exist once WorkOS is configured, nor where it is not allowed (production)", async () => {
    await expectError(await call("/api/auth/local/sign-in", { method: "POST", json: { email: "x@unit.test" }, env: workosEnv() }), 404, "not_found");
    await expectError(await call("/api/auth/local/sign-in", { method: "POST", json: { email: "x@unit.test" }, env: { ALLOW_LOCAL_SIGN_IN: undefined } }), 404, "not_found");
    const signIn = await call("/api/auth/local/sign-in", { method: "POST", json: { email: `late-${Date.now()}@unit.test` } });
    const cookie = signIn.headers.get("set-cookie")!.split(";")[0]!;
    await expectError(await call("/api/me", { headers: { cookie }, env: { ALLOW_LOCAL_SIGN_IN: undefined } }), 401, "unauthorized");
  });

  it("WorkOS AuthKit: a session sealed by @workos-inc/node is verified against the JWKS and registers the user", async () => {
    const workosUser = { id: `user_wos_${Date.now()}`, email: `wos-${Date.now()}@unit.test` };
    const cookie = `wos-session=${await sealedSession(workosUser)}`;
    const me = await jsonOf<{ user: { email: string; name: string }; authMethod: string }>(await call("/api/me", { headers: { cookie }, env: workosEnv() }));
    expect(me).toMatchObject({ user: { email: workosUser.email, name: "Ada Lovelace" }, authMethod: "session" });
    // The same user over the internal path: WorkOS user ids are the shared identity.
    const internal = await jsonOf<{ user: { email: string } }>(await call("/api/me", { headers: { "x-oa-internal-key": INTERNAL_KEY, "x-oa-user-id": workosUser.id } }));
    expect(internal.user.email).toBe(workosUser.email);
    await expectError(await call("/api/me", { headers: { cookie: "wos-session=garbage" }, env: workosEnv() }), 401, "unauthorized");
    // A cookie sealed with another password does not open.
    await expectError(await call("/api/me", { headers: { cookie }, env: { ...workosEnv(), WORKOS_COOKIE_PASSWORD: "another-password-of-at-least-32-characters" } }), 401, "unauthorized");
  });

  it("WorkOS AuthKit: an expired access token is refreshed once and the new session handed back as the cookie", async () => {
    const workos = inject("workos");
    const before = (await jsonOf<{ count: number }>(await fetch(`${workos.url}/__test/refreshes`))).count;
    const workosUser = { id: `user_wos_exp_${Date.now()}`, email: `wos-exp-${Date.now()}@unit.test` };
    const response = await call("/api/me", { headers: { cookie: `wos-session=${await sealedSession(workosUser, { expired: true })}` }, env: workosEnv() });
    expect(response.status).toBe(200);
    expect(response.headers.get("set-cookie")).toMatch(/^wos-session=[^;]+;.*HttpOnly/);
    expect((await jsonOf<{ count: number }>(await fetch(`${workos.url}/__test/refreshes`))).count).toBe(before + 1);
    const refreshed = response.headers.get("set-cookie")!.split(";")[0]!;
    expect((await call("/api/me", { headers: { cookie: refreshed }, env: workosEnv() })).status).toBe(200);
  });
});
