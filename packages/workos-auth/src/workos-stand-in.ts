// A small local stand-in for WorkOS's API, speaking its real wire format for the parts
// AuthKit sessions use: the JWKS the SDK verifies access tokens with
// (GET /sso/jwks/:clientId) and the token endpoint (POST /user_management/authenticate)
// for authorization codes and refresh tokens. Sessions are sealed by the real
// `@workos-inc/node` on the caller's side, as the website's sign-in callback does.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { generateKeyPairSync, randomUUID, sign, type KeyObject } from "node:crypto";

export interface StandInUser {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
}

/**
 * Besides WorkOS's routes, test controls (tests may run in workerd or drive a browser,
 * away from this process): `POST /__test/codes { user, expired? }` → `{ code }`, an
 * authorization code that signs `user` in (`expired`: its first access token is already
 * expired); `POST /__test/next-user { user }`, who AuthKit's hosted sign-in
 * (`GET /user_management/authorize`) signs in next, redirecting back with a code as
 * WorkOS does; the hosted sign-out page (`GET /user_management/sessions/logout`), which
 * sends the browser to `return_to`; and `GET /__test/refreshes` → `{ count }` of refresh-token exchanges so far.
 */
export interface WorkosStandIn {
  url: string;
  clientId: string;
  apiKey: string;
  close(): Promise<void>;
}

const KEY_ID = "stand-in-key";

function base64url(data: Buffer | string): string {
  return Buffer.from(data).toString("base64url");
}

function jwt(privateKey: KeyObject, claims: Record<string, unknown>): string {
  const header = base64url(JSON.stringify({ alg: "RS256", typ: "JWT", kid: KEY_ID }));
  const payload = base64url(JSON.stringify(claims));
  return `${header}.${payload}.${base64url(sign("RSA-SHA256", Buffer.from(`${header}.${payload}`), privateKey))}`;
}

export async function startWorkosStandIn(): Promise<WorkosStandIn> {
  const clientId = `client_${randomUUID().replaceAll("-", "").slice(0, 20)}`;
  const apiKey = `sk_test_${randomUUID().replaceAll("-", "")}`;
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk = { ...publicKey.export({ format: "jwk" }), kid: KEY_ID, alg: "RS256", use: "sig" };
  const codes = new Map<string, { user: StandInUser; expired: boolean }>();
  const refreshTokens = new Map<string, StandInUser>();
  let refreshCount = 0;
  let nextUser: StandInUser | null = null;
  let url = "";

  const tokensFor = (user: StandInUser, expired: boolean) => {
    const now = Math.floor(Date.now() / 1000);
    const refreshToken = randomUUID();
    refreshTokens.set(refreshToken, user);
    return {
      user: {
        object: "user",
        id: user.id,
        email: user.email,
        email_verified: true,
        first_name: user.firstName,
        last_name: user.lastName,
        profile_picture_url: null,
        last_sign_in_at: new Date().toISOString(),
        created_at: new Date().toISOString(),
        updated_at: new Date().toISOString(),
        external_id: null,
        metadata: {},
      },
      organization_id: null,
      access_token: jwt(privateKey, {
        iss: `${url}/user_management/${clientId}`,
        sub: user.id,
        sid: `session_${randomUUID()}`,
        iat: now - (expired ? 600 : 0),
        exp: expired ? now - 300 : now + 300,
      }),
      refresh_token: refreshToken,
      authentication_method: "Password",
    };
  };

  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const reply = (status: number, body: unknown) => {
        response.writeHead(status, body === null ? {} : { "content-type": "application/json" });
        response.end(body === null ? undefined : JSON.stringify(body));
      };
      const path = new URL(request.url ?? "/", "http://x").pathname;
      if (request.method === "POST" && path === "/__test/codes") {
        const { user, expired } = JSON.parse(Buffer.concat(chunks).toString()) as { user: StandInUser; expired?: boolean };
        const code = randomUUID();
        codes.set(code, { user, expired: expired ?? false });
        return reply(201, { code });
      }
      if (request.method === "POST" && path === "/__test/next-user") {
        nextUser = (JSON.parse(Buffer.concat(chunks).toString()) as { user: StandInUser }).user;
        return reply(204, null);
      }
      if (request.method === "GET" && path === "/__test/refreshes") return reply(200, { count: refreshCount });
      if (request.method === "GET" && path === "/user_management/sessions/logout") {
        const returnTo = new URL(request.url ?? "/", "http://x").searchParams.get("return_to");
        if (!returnTo) return reply(200, { loggedOut: true });
        response.writeHead(302, { location: returnTo });
        return response.end();
      }
      if (request.method === "GET" && path === "/user_management/authorize") {
        const query = new URL(request.url ?? "/", "http://x").searchParams;
        const redirectUri = query.get("redirect_uri");
        if (query.get("client_id") !== clientId || !redirectUri || !nextUser) return reply(400, { error: "invalid_request" });
        const code = randomUUID();
        codes.set(code, { user: nextUser, expired: false });
        const back = new URL(redirectUri);
        back.searchParams.set("code", code);
        if (query.get("state")) back.searchParams.set("state", query.get("state")!);
        response.writeHead(302, { location: back.toString() });
        return response.end();
      }
      if (request.method === "GET" && path === `/sso/jwks/${clientId}`) return reply(200, { keys: [jwk] });
      if (request.method === "POST" && path === "/user_management/authenticate") {
        const body = JSON.parse(Buffer.concat(chunks).toString() || "{}") as Record<string, string>;
        if (body.client_id !== clientId || body.client_secret !== apiKey) return reply(401, { error: "invalid_client", error_description: "bad client" });
        if (body.grant_type === "authorization_code") {
          const grant = codes.get(body.code ?? "");
          codes.delete(body.code ?? "");
          return grant ? reply(200, tokensFor(grant.user, grant.expired)) : reply(400, { error: "invalid_grant", error_description: "unknown code" });
        }
        if (body.grant_type === "refresh_token") {
          const user = refreshTokens.get(body.refresh_token ?? "");
          refreshTokens.delete(body.refresh_token ?? "");
          if (!user) return reply(400, { error: "invalid_grant", error_description: "unknown refresh token" });
          refreshCount++;
          return reply(200, tokensFor(user, false));
        }
        return reply(400, { error: "unsupported_grant_type" });
      }
      return reply(404, { message: "not found" });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    clientId,
    apiKey,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
