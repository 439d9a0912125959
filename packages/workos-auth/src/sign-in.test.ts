import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authorizationUrl, sealedSessionFromCode, workosIdentity, type WorkosConfig } from "./index.ts";
import { startWorkosStandIn, type WorkosStandIn } from "./workos-stand-in.ts";

const USER = { id: "user_signin_test", email: "Sign.In@Example.test", firstName: "Sign", lastName: "In" };
let standIn: WorkosStandIn;
let config: WorkosConfig;

beforeAll(async () => {
  standIn = await startWorkosStandIn();
  config = { apiKey: standIn.apiKey, clientId: standIn.clientId, cookiePassword: randomBytes(24).toString("base64url"), baseUrl: standIn.url };
});
afterAll(() => standIn.close());

async function codeFor(expired = false): Promise<string> {
  const response = await fetch(`${standIn.url}/__test/codes`, { method: "POST", body: JSON.stringify({ user: USER, expired }) });
  return ((await response.json()) as { code: string }).code;
}

describe("AuthKit sign-in on the server", () => {
  it("sends the browser to AuthKit with our redirect and state, and AuthKit comes back with a code", async () => {
    const url = new URL(authorizationUrl(config, { redirectUri: "https://site.test/auth/callback", state: "s-123" }));
    expect(url.origin).toBe(standIn.url);
    expect(url.pathname).toBe("/user_management/authorize");
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ client_id: config.clientId, redirect_uri: "https://site.test/auth/callback", state: "s-123", provider: "authkit" });
    await fetch(`${standIn.url}/__test/next-user`, { method: "POST", body: JSON.stringify({ user: USER }) });
    const back = await fetch(url, { redirect: "manual" });
    const location = new URL(back.headers.get("location")!);
    expect(location.searchParams.get("state")).toBe("s-123");
    const { sealedSession, email } = await sealedSessionFromCode(config, location.searchParams.get("code")!);
    expect(email).toBe(USER.email);
    expect(await workosIdentity(sealedSession, config)).toEqual({ workosUserId: USER.id, email: USER.email, name: "Sign In" });
  });

  it("refreshes a session whose access token expired, handing back the new cookie value", async () => {
    const { sealedSession } = await sealedSessionFromCode(config, await codeFor(true));
    const identity = await workosIdentity(sealedSession, config);
    expect(identity?.workosUserId).toBe(USER.id);
    expect(identity?.refreshedSession).toBeTruthy();
    expect(identity?.refreshedSession).not.toBe(sealedSession);
  });

  it("refuses an unknown code as unauthorized and a session sealed with another password as no session", async () => {
    await expect(sealedSessionFromCode(config, "not-a-code")).rejects.toMatchObject({ code: "unauthorized", status: 401 });
    const { sealedSession } = await sealedSessionFromCode(config, await codeFor());
    expect(await workosIdentity(sealedSession, { ...config, cookiePassword: randomBytes(24).toString("base64url") })).toBeNull();
  });

  it("answers auth_unavailable when WorkOS does not answer", async () => {
    const gone = { ...config, baseUrl: "http://127.0.0.1:9" };
    await expect(sealedSessionFromCode(gone, "any")).rejects.toMatchObject({ code: "auth_unavailable", status: 503 });
  });
});
