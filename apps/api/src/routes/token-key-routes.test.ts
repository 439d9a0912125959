import { describe, expect, it } from "vitest";
import { call, expectError, jsonOf, newUser } from "../test-harness.ts";

describe("API tokens", () => {
  it("shows the token once; the list has the prefix only; revoke marks it", async () => {
    const user = await newUser({ access: true });
    const created = await call("/api/tokens", { method: "POST", headers: user.headers, json: { name: "laptop" } });
    expect(created.status).toBe(201);
    const { id, token, prefix } = await jsonOf<{ id: string; token: string; prefix: string }>(created);
    expect(token.startsWith(prefix)).toBe(true);
    const listText = await (await call("/api/tokens", { headers: user.headers })).text();
    expect(listText).not.toContain(token);
    expect(listText).not.toMatch(/[0-9a-f]{64}/);
    const { tokens } = JSON.parse(listText) as { tokens: Array<{ id: string; prefix: string; revokedAt: number | null }> };
    expect(tokens).toEqual([expect.objectContaining({ id, prefix, revokedAt: null })]);
    expect((await call(`/api/tokens/${id}`, { method: "DELETE", headers: user.headers })).status).toBe(200);
    expect((await jsonOf<{ tokens: Array<{ revokedAt: number | null }> }>(await call("/api/tokens", { headers: user.headers }))).tokens[0]!.revokedAt).not.toBeNull();
  });

  it("one user cannot revoke another's token", async () => {
    const [a, b] = await Promise.all([newUser({ access: true }), newUser({ access: true })]);
    const { id, token } = await jsonOf<{ id: string; token: string }>(await call("/api/tokens", { method: "POST", headers: a.headers, json: { name: "a" } }));
    await expectError(await call(`/api/tokens/${id}`, { method: "DELETE", headers: b.headers }), 404, "not_found");
    expect((await call("/api/me", { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
  });
});

describe("provider keys", () => {
  it("stores a key, lists provider and last 4 only, never returns the key, deletes it", async () => {
    const user = await newUser({ access: true });
    const key = "sk-test-abcdefghijklmnop-WXYZ";
    const put = await call("/api/keys/openai", { method: "PUT", headers: user.headers, json: { key } });
    const putText = await put.text();
    expect(put.status, putText).toBe(200);
    expect(putText).not.toContain(key);
    expect(JSON.parse(putText)).toMatchObject({ key: { provider: "openai", last4: "WXYZ" }, gateway: { reconfigured: false, reason: "no_instance" } });
    const listText = await (await call("/api/keys", { headers: user.headers })).text();
    expect(listText).not.toContain(key);
    expect(JSON.parse(listText)).toEqual({ keys: [expect.objectContaining({ provider: "openai", last4: "WXYZ", baseUrl: null })] });
    expect((await call("/api/keys/openai", { method: "DELETE", headers: user.headers })).status).toBe(200);
    expect((await jsonOf<{ keys: unknown[] }>(await call("/api/keys", { headers: user.headers }))).keys).toEqual([]);
  });

  it("requires a base URL for an openai-compatible key", async () => {
    const user = await newUser({ access: true });
    await expectError(await call("/api/keys/openai-compatible", { method: "PUT", headers: user.headers, json: { key: "abcdefghijkl" } }), 400, "invalid_request");
    const ok = await call("/api/keys/openai-compatible", { method: "PUT", headers: user.headers, json: { key: "abcdefghijkl", baseUrl: "https://llm.example/v1" } });
    expect((await jsonOf<{ key: { baseUrl: string } }>(ok)).key.baseUrl).toBe("https://llm.example/v1");
  });
});
