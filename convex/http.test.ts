import { describe, expect, test } from "vitest";
import { controlPlane, modules } from "./test.setup";

const ROUTES: Array<[method: string, path: string]> = [
  ["POST", "/control/rpc"],
  ["GET", "/control/openclaw/instance"],
  ["POST", "/control/openclaw/instance"],
  ["GET", "/control/openclaw/instance/status"],
  ["GET", "/control/openclaw/billing/summary"],
];

describe("access rules", () => {
  test("no function is public: servers reach them only through the control routes", async () => {
    const functions: string[] = [];
    const functionModules = Object.entries(modules).filter(([path]) => !path.startsWith("./_generated/"));
    for (const [path, load] of functionModules) {
      for (const [name, value] of Object.entries((await load()) as Record<string, { isPublic?: unknown } | null>)) {
        if (value?.isPublic === true) functions.push(`${path}:${name}`);
      }
    }
    expect(functions).toEqual([]);
  });

  test.each(ROUTES)("%s %s refuses a missing or wrong control key with 401", async (method, path) => {
    const { request, expectError } = controlPlane();
    await expectError(request(path, { method, headers: { "x-oa-control-key": "" } }), 401, "unauthorized");
    await expectError(request(path, { method, headers: { "x-oa-control-key": "test-control-key-012345678" } }), 401, "unauthorized");
  });

  test("without OA_CONTROL_KEY configured every route is refused, never open", async () => {
    const { request, expectError } = controlPlane({ OA_CONTROL_KEY: undefined });
    for (const [method, path] of ROUTES) {
      const refused = await expectError(request(path, { method, headers: { "x-oa-control-key": "" } }), 500, "misconfigured");
      expect(refused.body.error.message).toContain("OA_CONTROL_KEY");
    }
  });

  test("unknown paths under /control/ are a JSON 404, after the key check", async () => {
    const { request, expectError } = controlPlane();
    await expectError(request("/control/nope"), 404, "not_found");
    await expectError(request("/control/rpc", { method: "DELETE" }), 404, "not_found");
    await expectError(request("/control/nope", { headers: { "x-oa-control-key": "wrong" } }), 401, "unauthorized");
  });
});

describe("POST /control/rpc", () => {
  test("dispatches exactly the client's methods", async () => {
    const { call, expectError } = controlPlane();
    for (const name of ["users.upsert", "toString", "__proto__", "constructor", "sealedForGateway"]) {
      const refused = await expectError(call(name, {}), 400, "invalid_request");
      expect(refused.body.error.message).toContain("unknown function");
    }
  });

  test("malformed bodies are 400s, never 500s", async () => {
    const { request, expectError } = controlPlane();
    const post = (body: string) => request("/control/rpc", { method: "POST", body });
    await expectError(post("{not json"), 400, "invalid_json");
    await expectError(post(""), 400, "invalid_json");
    await expectError(post("[]"), 400, "invalid_request");
    await expectError(post(JSON.stringify({ args: {} })), 400, "invalid_request");
    await expectError(post(JSON.stringify({ function: "listUsers", args: [] })), 400, "invalid_request");
    await expectError(post(JSON.stringify({ function: "listUsers", args: {}, extra: true })), 400, "invalid_request");
    await expectError(post(JSON.stringify({ function: "getAccount" })), 400, "invalid_request");
    await expectError(post("x".repeat(1024 * 1024 + 1)), 413, "payload_too_large");
  });

  test("answers { value } with no-store caching", async () => {
    const { call } = controlPlane();
    const response = await call("listUsers");
    expect(response.body).toEqual({ value: [] });
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("content-type")).toContain("application/json");
  });
});

describe("seed-002 routes (x-oa-user-id is the Convex user id)", () => {
  async function withUser() {
    const plane = controlPlane();
    const ada = await plane.newUser();
    const as = (userId: string, init: RequestInit = {}) => ({
      ...init,
      headers: { ...(init.headers as Record<string, string>), "x-oa-user-id": userId },
    });
    return { ...plane, ada, as };
  }

  test("instance: get (none), create, get, status", async () => {
    const { request, ada, as, expectError } = await withUser();
    expect((await request("/control/openclaw/instance", as(ada.id))).body).toEqual({ instance: null });
    await expectError(request("/control/openclaw/instance/status", as(ada.id)), 404, "not_found");

    const body = JSON.stringify({ tenantId: "t-ada", provider: "openai", model: "gpt-5.1" });
    const created = await request("/control/openclaw/instance", as(ada.id, { method: "POST", body }));
    expect(created.status).toBe(201);
    expect(created.body.instance).toMatchObject({ ownerId: ada.id, tenantId: "t-ada", status: "provisioning" });
    expect((await request("/control/openclaw/instance", as(ada.id))).body).toEqual(created.body);
    await expectError(request("/control/openclaw/instance", as(ada.id, { method: "POST", body })), 409, "conflict");

    const status = await request("/control/openclaw/instance/status", as(ada.id));
    expect(status.body).toEqual({ status: "provisioning", openclawVersion: null, lastError: null, updatedAt: expect.any(Number) });
  });

  test("no route hands out decrypted provider keys (they leave only through getProviderKeysForGateway)", async () => {
    const { request, rpc, ada, as } = await withUser();
    await rpc("setProviderKey", { ownerId: ada.id, provider: "anthropic", key: "sk-ant-secret-abcdefgh" });
    const removed = await request("/control/openclaw/instance/secret", as(ada.id));
    expect(removed.status).toBe(404);
    expect(removed.text).not.toContain("sk-ant-secret-abcdefgh");
  });

  test("billing summary", async () => {
    const { request, rpc, ada, as } = await withUser();
    await rpc("grantCredits", { ownerId: ada.id, amount: 25, reason: "welcome", actorId: "root" });
    const summary = await request("/control/openclaw/billing/summary", as(ada.id));
    expect(summary.body).toEqual({ balance: 25, entries: [expect.objectContaining({ delta: 25, reason: "welcome" })], usageByDay: [] });
  });

  test("a missing user id is 400, an unknown one 404 where it must exist, bad bodies 400", async () => {
    const { request, ada, as, expectError } = await withUser();
    for (const [method, path] of ROUTES.filter(([, path]) => path !== "/control/rpc")) {
      const missing = await expectError(request(path, { method }), 400, "invalid_request");
      expect(missing.body.error.message).toContain("x-oa-user-id");
    }
    const body = JSON.stringify({ tenantId: "t-x", provider: "openai", model: "gpt-5.1" });
    await expectError(request("/control/openclaw/instance", as("nobody", { method: "POST", body })), 404, "not_found");
    expect((await request("/control/openclaw/instance", as("nobody"))).body).toEqual({ instance: null });
    for (const bad of ["{", JSON.stringify({ tenantId: "t-x" }), JSON.stringify({ tenantId: "T X", provider: "openai", model: "m" })]) {
      const refused = await request("/control/openclaw/instance", as(ada.id, { method: "POST", body: bad }));
      expect(refused.status).toBe(400);
    }
    expect((await request("/control/openclaw/instance", as(ada.id))).body).toEqual({ instance: null });
  });
});

describe("the never-readable-back rule", () => {
  test("no response but the gateway's carries a provider key; none carries ciphertext or a token hash", async () => {
    const { rpc, request, t, newUser, responses } = controlPlane();
    const key = "sk-live-never-read-back-0987";
    const tokenHash = "f".repeat(64);
    const ada = await newUser();
    const as = { headers: { "x-oa-user-id": ada.id } };
    await rpc("setProviderKey", { ownerId: ada.id, provider: "openai", key });
    await rpc("createApiToken", { ownerId: ada.id, name: "cli", tokenHash, prefix: "oa_cli" });
    await rpc("createInstance", { ownerId: ada.id, tenantId: "t-ada", provider: "openai", model: "gpt-5.1" });
    await rpc("appendAudit", { actor: ada.id, action: "key.set", target: "openai" });
    for (const [fn, args] of [
      ["getAccount", { userId: ada.id }],
      ["listUsers", {}],
      ["listProviderKeys", { ownerId: ada.id }],
      ["listApiTokens", { ownerId: ada.id }],
      ["authenticateApiToken", { tokenHash }],
      ["getInstance", { ownerId: ada.id }],
      ["listInstances", {}],
      ["billingSummary", { ownerId: ada.id }],
      ["listAudit", {}],
    ] as const) {
      await rpc(fn, args);
    }
    for (const path of ["/control/openclaw/instance", "/control/openclaw/instance/status", "/control/openclaw/billing/summary"]) {
      await request(path, as);
    }
    const publicResponses = [...responses];

    const gatewayViaRpc = await rpc("getProviderKeysForGateway", { ownerId: ada.id });
    expect(gatewayViaRpc).toEqual([{ provider: "openai", key, baseUrl: null }]);

    const [row] = await t.run((ctx) => ctx.db.query("providerKeys").collect());
    const bytes = new Uint8Array(row!.ciphertext);
    const forms = [btoa(String.fromCharCode(...bytes)), Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")];
    for (const response of publicResponses) {
      expect(response.text).not.toContain(key);
      expect(response.text).not.toContain(tokenHash);
    }
    for (const response of responses) {
      for (const form of forms) expect(response.text).not.toContain(form);
      expect(response.text).not.toContain("ciphertext");
    }
  });
});
