import { describe, expect, test, vi } from "vitest";
import { LAST_USED_RESOLUTION_MS } from "./apiTokens";
import { controlPlane } from "./test.setup";

const HASH_A = "a".repeat(64);
const HASH_B = "b".repeat(64);

describe("API tokens", () => {
  test("created with a hash, listed without it, authenticated as their owner's account", async () => {
    const { rpc, newUser, responses } = controlPlane();
    const ada = await newUser();
    const token = await rpc("createApiToken", { ownerId: ada.id, name: "laptop", tokenHash: HASH_A, prefix: "oa_12345" });
    expect(token).toEqual({
      id: expect.any(String),
      name: "laptop",
      prefix: "oa_12345",
      createdAt: expect.any(Number),
      lastUsedAt: null,
      revokedAt: null,
    });
    expect(await rpc("listApiTokens", { ownerId: ada.id })).toEqual([token]);
    expect(await rpc("authenticateApiToken", { tokenHash: HASH_A })).toEqual({ tokenId: token.id, user: ada, balance: 0 });
    const [used] = await rpc("listApiTokens", { ownerId: ada.id });
    expect(used.lastUsedAt).toEqual(expect.any(Number));
    for (const response of responses) expect(response.text).not.toContain(HASH_A);
  });

  test("lastUsedAt moves at most once per resolution window", async () => {
    vi.useFakeTimers({ now: 1_000_000, toFake: ["Date"] });
    try {
      const { rpc, newUser } = controlPlane();
      const ada = await newUser();
      await rpc("createApiToken", { ownerId: ada.id, name: "ci", tokenHash: HASH_A, prefix: "oa_ci" });
      await rpc("authenticateApiToken", { tokenHash: HASH_A });
      vi.setSystemTime(1_000_000 + LAST_USED_RESOLUTION_MS - 1);
      await rpc("authenticateApiToken", { tokenHash: HASH_A });
      expect((await rpc("listApiTokens", { ownerId: ada.id }))[0].lastUsedAt).toBe(1_000_000);
      vi.setSystemTime(1_000_000 + LAST_USED_RESOLUTION_MS);
      await rpc("authenticateApiToken", { tokenHash: HASH_A });
      expect((await rpc("listApiTokens", { ownerId: ada.id }))[0].lastUsedAt).toBe(1_000_000 + LAST_USED_RESOLUTION_MS);
    } finally {
      vi.useRealTimers();
    }
  });

  test("revoked and unknown tokens authenticate as nobody (null); revoking is idempotent and owner-scoped", async () => {
    const { rpc, call, newUser, expectError } = controlPlane();
    const ada = await newUser("ada@example.com");
    const bob = await newUser("bob@example.com");
    const token = await rpc("createApiToken", { ownerId: ada.id, name: "laptop", tokenHash: HASH_A, prefix: "oa_a" });
    await expectError(call("revokeApiToken", { ownerId: bob.id, tokenId: token.id }), 404, "not_found");
    expect(await rpc("authenticateApiToken", { tokenHash: HASH_A })).not.toBeNull();

    expect(await rpc("revokeApiToken", { ownerId: ada.id, tokenId: token.id })).toBeNull();
    const [revoked] = await rpc("listApiTokens", { ownerId: ada.id });
    expect(revoked.revokedAt).toEqual(expect.any(Number));
    await rpc("revokeApiToken", { ownerId: ada.id, tokenId: token.id });
    expect((await rpc("listApiTokens", { ownerId: ada.id }))[0].revokedAt).toBe(revoked.revokedAt);
    expect(await rpc("authenticateApiToken", { tokenHash: HASH_A })).toBeNull();
    expect(await rpc("authenticateApiToken", { tokenHash: HASH_B })).toBeNull();
    await expectError(call("revokeApiToken", { ownerId: ada.id, tokenId: "nope" }), 404, "not_found");
  });

  test("the account is read as of the call: the owner's current record and balance", async () => {
    const { rpc, newUser } = controlPlane();
    const ada = await newUser();
    const token = await rpc("createApiToken", { ownerId: ada.id, name: "cli", tokenHash: HASH_A, prefix: "oa_cli" });
    await rpc("grantCredits", { ownerId: ada.id, amount: 100, reason: "welcome", actorId: "root" });
    await rpc("debitCredits", { ownerId: ada.id, amount: 30, reason: "turn", reference: "resp_1" });
    const admitted = await rpc("setUserAccess", { userId: ada.id, enabled: true, actorId: "root" });
    expect(await rpc("authenticateApiToken", { tokenHash: HASH_A })).toEqual({ tokenId: token.id, user: admitted, balance: 70 });
    await rpc("debitCredits", { ownerId: ada.id, amount: 80, reason: "long turn", reference: "resp_2" });
    expect((await rpc("authenticateApiToken", { tokenHash: HASH_A })).balance).toBe(-10);
  });

  test("a token whose owner is gone authenticates as nobody", async () => {
    const { rpc, t, newUser } = controlPlane();
    const ada = await newUser();
    await rpc("createApiToken", { ownerId: ada.id, name: "cli", tokenHash: HASH_A, prefix: "oa_cli" });
    await t.run((ctx) => ctx.db.delete("users", ada.id));
    expect(await rpc("authenticateApiToken", { tokenHash: HASH_A })).toBeNull();
  });

  test("a hash can be registered once; listing is per owner, newest first", async () => {
    const { rpc, call, newUser, expectError } = controlPlane();
    const ada = await newUser("ada@example.com");
    const bob = await newUser("bob@example.com");
    const first = await rpc("createApiToken", { ownerId: ada.id, name: "one", tokenHash: HASH_A, prefix: "oa_1" });
    await expectError(call("createApiToken", { ownerId: bob.id, name: "dup", tokenHash: HASH_A, prefix: "oa_1" }), 409, "conflict");
    const second = await rpc("createApiToken", { ownerId: ada.id, name: "two", tokenHash: HASH_B, prefix: "oa_2" });
    expect(await rpc("listApiTokens", { ownerId: ada.id })).toEqual([second, first]);
    expect(await rpc("listApiTokens", { ownerId: bob.id })).toEqual([]);
    await expectError(call("createApiToken", { ownerId: "nobody", name: "x", tokenHash: "c".repeat(64), prefix: "oa" }), 404, "not_found");
  });

  test("bad input is a 400", async () => {
    const { call, newUser, expectError } = controlPlane();
    const ada = await newUser();
    await expectError(call("createApiToken", { ownerId: ada.id, name: "x", tokenHash: "oa_plaintext_token", prefix: "oa" }), 400, "invalid_request");
    await expectError(call("createApiToken", { ownerId: ada.id, name: "", tokenHash: HASH_A, prefix: "oa" }), 400, "invalid_request");
    await expectError(call("authenticateApiToken", { tokenHash: HASH_A.toUpperCase() }), 400, "invalid_request");
    await expectError(call("revokeApiToken", { ownerId: ada.id }), 400, "invalid_request");
  });
});
