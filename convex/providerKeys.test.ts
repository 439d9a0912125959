import { describe, expect, test, vi } from "vitest";
import { controlPlane } from "./test.setup";

const ANTHROPIC_KEY = "sk-ant-test-0123456789abcdef";
const OPENAI_KEY = "sk-openai-test-fedcba9876543210";

function base64(bytes: ArrayBuffer): string {
  return btoa(String.fromCharCode(...new Uint8Array(bytes)));
}

describe("provider keys", () => {
  test("stored sealed; listed as provider, last four and base URL; opened only for the gateway", async () => {
    const plane = controlPlane();
    const { rpc, t, newUser, responses } = plane;
    const ada = await newUser();
    const summary = await rpc("setProviderKey", { ownerId: ada.id, provider: "anthropic", key: ANTHROPIC_KEY });
    expect(summary).toEqual({ provider: "anthropic", last4: "cdef", baseUrl: null, updatedAt: expect.any(Number) });
    await rpc("setProviderKey", { ownerId: ada.id, provider: "openai-compatible", key: OPENAI_KEY, baseUrl: "http://127.0.0.1:9/v1" });
    expect(await rpc("listProviderKeys", { ownerId: ada.id })).toEqual([summary, { provider: "openai-compatible", last4: "3210", baseUrl: "http://127.0.0.1:9/v1", updatedAt: expect.any(Number) }]);

    const rows = await t.run((ctx) => ctx.db.query("providerKeys").collect());
    const ciphertexts = rows.map((row) => base64(row.ciphertext));
    for (const row of rows) {
      expect(new TextDecoder().decode(row.ciphertext)).not.toContain(ANTHROPIC_KEY);
      expect(row.iv.byteLength).toBe(12);
    }
    expect(base64(rows[0]!.iv)).not.toBe(base64(rows[1]!.iv));

    // Every response so far (set, list) is free of the keys and their ciphertexts.
    for (const secret of [ANTHROPIC_KEY, OPENAI_KEY, ...ciphertexts]) {
      for (const response of responses) expect(response.text).not.toContain(secret);
    }

    expect(await rpc("getProviderKeysForGateway", { ownerId: ada.id })).toEqual([
      { provider: "anthropic", key: ANTHROPIC_KEY, baseUrl: null },
      { provider: "openai-compatible", key: OPENAI_KEY, baseUrl: "http://127.0.0.1:9/v1" },
    ]);
    for (const ciphertext of ciphertexts) expect(responses.at(-1)!.text).not.toContain(ciphertext);
  });

  test("setting a provider again replaces its key; delete removes it", async () => {
    const { rpc, call, newUser, expectError } = controlPlane();
    const ada = await newUser();
    await rpc("setProviderKey", { ownerId: ada.id, provider: "openai", key: OPENAI_KEY });
    await rpc("setProviderKey", { ownerId: ada.id, provider: "openai", key: "sk-replacement-key-9999" });
    expect(await rpc("getProviderKeysForGateway", { ownerId: ada.id })).toEqual([{ provider: "openai", key: "sk-replacement-key-9999", baseUrl: null }]);
    expect(await rpc("deleteProviderKey", { ownerId: ada.id, provider: "openai" })).toBeNull();
    expect(await rpc("listProviderKeys", { ownerId: ada.id })).toEqual([]);
    await expectError(call("deleteProviderKey", { ownerId: ada.id, provider: "openai" }), 404, "not_found");
  });

  test("keys are per owner: another user sees none, and a ciphertext moved to their row does not open", async () => {
    const { rpc, call, t, newUser, expectError } = controlPlane();
    const ada = await newUser("ada@example.com");
    const bob = await newUser("bob@example.com");
    await rpc("setProviderKey", { ownerId: ada.id, provider: "openai", key: OPENAI_KEY });
    await rpc("setProviderKey", { ownerId: bob.id, provider: "openai", key: "sk-bobs-own-key-1111" });
    expect(await rpc("getProviderKeysForGateway", { ownerId: bob.id })).toEqual([{ provider: "openai", key: "sk-bobs-own-key-1111", baseUrl: null }]);
    await t.run(async (ctx) => {
      const [adaRow, bobRow] = await Promise.all(
        [ada.id, bob.id].map((ownerId) =>
          ctx.db
            .query("providerKeys")
            .withIndex("by_owner_provider", (q) => q.eq("ownerId", ownerId).eq("provider", "openai"))
            .unique(),
        ),
      );
      await ctx.db.patch("providerKeys", bobRow!._id, { ciphertext: adaRow!.ciphertext, iv: adaRow!.iv });
    });
    await expectError(call("getProviderKeysForGateway", { ownerId: bob.id }), 500, "misconfigured");
    expect(await rpc("getProviderKeysForGateway", { ownerId: "nobody" })).toEqual([]);
    expect(await rpc("listProviderKeys", { ownerId: "nobody" })).toEqual([]);
    await expectError(call("setProviderKey", { ownerId: "nobody", provider: "openai", key: OPENAI_KEY }), 404, "not_found");
  });

  test("a missing, malformed or changed platform key is a clear misconfiguration, never a clear-text fallback", async () => {
    const missing = controlPlane({ OPENCLAW_ENCRYPTION_KEY: undefined });
    const user = await missing.newUser();
    const refused = await missing.expectError(missing.call("setProviderKey", { ownerId: user.id, provider: "openai", key: OPENAI_KEY }), 500, "misconfigured");
    expect(refused.body.error.message).toContain("OPENCLAW_ENCRYPTION_KEY");
    expect(await missing.rpc("listProviderKeys", { ownerId: user.id })).toEqual([]);

    const short = controlPlane({ OPENCLAW_ENCRYPTION_KEY: btoa("too short") });
    const shortUser = await short.newUser();
    await short.expectError(short.call("setProviderKey", { ownerId: shortUser.id, provider: "openai", key: OPENAI_KEY }), 500, "misconfigured");

    const rotated = controlPlane();
    const rotatedUser = await rotated.newUser();
    await rotated.rpc("setProviderKey", { ownerId: rotatedUser.id, provider: "openai", key: OPENAI_KEY });
    vi.stubEnv("OPENCLAW_ENCRYPTION_KEY", btoa(String.fromCharCode(...new Array(32).fill(255))));
    const unreadable = await rotated.expectError(rotated.call("getProviderKeysForGateway", { ownerId: rotatedUser.id }), 500, "misconfigured");
    expect(unreadable.text).not.toContain(OPENAI_KEY);
  });

  test("bad input is a 400 and never echoes the key", async () => {
    const { call, newUser, expectError } = controlPlane();
    const ada = await newUser();
    const spaced = await expectError(call("setProviderKey", { ownerId: ada.id, provider: "openai", key: "sk with spaces 123" }), 400, "invalid_request");
    expect(spaced.text).not.toContain("sk with spaces");
    await expectError(call("setProviderKey", { ownerId: ada.id, provider: "openai", key: "short" }), 400, "invalid_request");
    const noBase = await expectError(call("setProviderKey", { ownerId: ada.id, provider: "openai-compatible", key: OPENAI_KEY }), 400, "invalid_request");
    expect(noBase.body.error.message).toContain("baseUrl");
    await expectError(call("setProviderKey", { ownerId: ada.id, provider: "openai", key: OPENAI_KEY, baseUrl: "ftp://x" }), 400, "invalid_request");
    await expectError(call("deleteProviderKey", { ownerId: ada.id, provider: "mistral" }), 400, "invalid_request");
  });
});
