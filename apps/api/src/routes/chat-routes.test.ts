import { env } from "cloudflare:test";
import { describe, expect, it, vi } from "vitest";
import { inject } from "vitest";
import "../test-harness-context.ts";
import type { ApiEnv } from "../env.ts";
import { admin, call, expectError, jsonOf, newUser, type CallInit } from "../test-harness.ts";

/**
 * What one request through the API worker sends where, in order: each Convex call (by RPC
 * function) and each runtime request (by path). Both are passed on untouched, so the real
 * Convex functions and the real runtime answer.
 */
async function trafficOf(path: string, init: CallInit): Promise<{ response: Response; sent: string[] }> {
  const sent: string[] = [];
  const convexUrl = inject("convexUrl");
  const realFetch = globalThis.fetch;
  const convexCalls = vi.spyOn(globalThis, "fetch").mockImplementation(async (input, requestInit) => {
    const request = new Request(input, requestInit);
    if (request.url.startsWith(convexUrl)) sent.push(`convex ${((await request.clone().json()) as { function: string }).function}`);
    return realFetch(request);
  });
  const runtime = (env as unknown as ApiEnv).RUNTIME;
  const recordedRuntime = {
    fetch: (request: Request) => {
      sent.push(`runtime ${new URL(request.url).pathname}`);
      return runtime.fetch(request);
    },
  } as unknown as ApiEnv["RUNTIME"];
  try {
    const response = await call(path, { ...init, env: { ...init.env, RUNTIME: recordedRuntime } });
    return { response, sent };
  } finally {
    convexCalls.mockRestore();
  }
}

async function apiToken(headers: Record<string, string>): Promise<string> {
  return (await jsonOf<{ token: string }>(await call("/api/tokens", { method: "POST", headers, json: { name: "chat" } }))).token;
}

// The runtime has no instance for these users, so each turn ends there with 404 no_instance:
// far enough to see everything the API does before the runtime is asked.
describe("a chat turn's Convex calls", () => {
  it("with an API token: one call, authenticateApiToken, then the runtime", async () => {
    const user = await newUser({ access: true, credits: 10 });
    const bearer = { authorization: `Bearer ${await apiToken(user.headers)}` };
    const turns: Array<[string, unknown, string]> = [
      ["/api/openclaw/v1/responses", { input: "hi" }, "/v1/responses"],
      ["/api/openclaw/chat", { message: "hi" }, "/v1/responses"],
      ["/api/openclaw/sessions/main/send", { message: "hi" }, "/v1/sessions/main/send"],
    ];
    for (const [path, json, runtimePath] of turns) {
      const { response, sent } = await trafficOf(path, { method: "POST", headers: bearer, json });
      await expectError(response, 404, "no_instance");
      expect(sent, path).toEqual(["convex authenticateApiToken", `runtime ${runtimePath}`]);
    }
  });

  it("server to server and with a local session: one call each, then the runtime", async () => {
    const user = await newUser({ access: true, credits: 10 });
    const internal = await trafficOf("/api/openclaw/v1/responses", { method: "POST", headers: user.headers, json: { input: "hi" } });
    await expectError(internal.response, 404, "no_instance");
    expect(internal.sent).toEqual(["convex getAccountByWorkosId", "runtime /v1/responses"]);

    const signIn = await call("/api/auth/local/sign-in", { method: "POST", json: { email: `chat-${Date.now()}@unit.test` } });
    const cookie = signIn.headers.get("set-cookie")!.split(";")[0]!;
    const { user: local } = await jsonOf<{ user: { id: string } }>(signIn);
    const { headers } = await admin();
    await call(`/api/admin/users/${local.id}/access`, { method: "POST", headers, json: { enabled: true } });
    await call(`/api/admin/users/${local.id}/credits`, { method: "POST", headers, json: { amount: 10, reason: "test" } });
    const session = await trafficOf("/api/openclaw/chat", { method: "POST", headers: { cookie }, json: { message: "hi" } });
    await expectError(session.response, 404, "no_instance");
    expect(session.sent).toEqual(["convex getAccount", "runtime /v1/responses"]);
  });

  it("402 from the balance read with the token, never reaching the runtime; a grant counts from the next request", async () => {
    const user = await newUser({ access: true });
    const bearer = { authorization: `Bearer ${await apiToken(user.headers)}` };
    const refused = await trafficOf("/api/openclaw/v1/responses", { method: "POST", headers: bearer, json: { input: "hi" } });
    expect(refused.response.status).toBe(402);
    expect(await refused.response.json()).toMatchObject({ error: { code: "insufficient_credits", details: { balance: 0 } } });
    expect(refused.sent).toEqual(["convex authenticateApiToken"]);

    await call(`/api/admin/users/${user.id}/credits`, { method: "POST", headers: (await admin()).headers, json: { amount: 1, reason: "test" } });
    const granted = await trafficOf("/api/openclaw/v1/responses", { method: "POST", headers: bearer, json: { input: "hi" } });
    await expectError(granted.response, 404, "no_instance");
    expect(granted.sent).toEqual(["convex authenticateApiToken", "runtime /v1/responses"]);
  });
});
