import { describe, expect, test } from "vitest";
import { controlPlane } from "./test.setup";

const BOT_TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
const OTHER_TOKEN = "987654321:AAFotherBotTokenValue-0123456789x";

function base64(bytes: ArrayBuffer): string {
  return btoa(String.fromCharCode(...new Uint8Array(bytes)));
}

describe("channel secrets", () => {
  test("stored sealed; listed as channel and last four; opened only for the gateway", async () => {
    const { rpc, t, newUser, responses } = controlPlane();
    const ada = await newUser();
    const summary = await rpc("setChannelSecret", { ownerId: ada.id, channel: "telegram", secret: BOT_TOKEN });
    expect(summary).toEqual({ channel: "telegram", last4: "Dsaw", updatedAt: expect.any(Number) });
    expect(await rpc("listChannelSecrets", { ownerId: ada.id })).toEqual([summary]);

    const [row] = await t.run((ctx) => ctx.db.query("channelSecrets").collect());
    expect(new TextDecoder().decode(row!.ciphertext)).not.toContain(BOT_TOKEN);
    expect(row!.iv.byteLength).toBe(12);
    for (const response of responses) {
      expect(response.text).not.toContain(BOT_TOKEN);
      expect(response.text).not.toContain(base64(row!.ciphertext));
    }
    expect(await rpc("getChannelSecretsForGateway", { ownerId: ada.id })).toEqual([{ channel: "telegram", secret: BOT_TOKEN }]);
  });

  test("setting again replaces the secret; delete removes it, a second delete is not_found", async () => {
    const { rpc, call, newUser, expectError } = controlPlane();
    const ada = await newUser();
    await rpc("setChannelSecret", { ownerId: ada.id, channel: "telegram", secret: BOT_TOKEN });
    await rpc("setChannelSecret", { ownerId: ada.id, channel: "telegram", secret: OTHER_TOKEN });
    expect(await rpc("getChannelSecretsForGateway", { ownerId: ada.id })).toEqual([{ channel: "telegram", secret: OTHER_TOKEN }]);
    expect(await rpc("deleteChannelSecret", { ownerId: ada.id, channel: "telegram" })).toBeNull();
    expect(await rpc("listChannelSecrets", { ownerId: ada.id })).toEqual([]);
    expect(await rpc("getChannelSecretsForGateway", { ownerId: ada.id })).toEqual([]);
    await expectError(call("deleteChannelSecret", { ownerId: ada.id, channel: "telegram" }), 404, "not_found");
  });

  test("per owner, and a ciphertext moved to another row (or from a provider key) does not open", async () => {
    const { rpc, call, t, newUser, expectError } = controlPlane();
    const ada = await newUser("ada@example.com");
    const bob = await newUser("bob@example.com");
    await rpc("setChannelSecret", { ownerId: ada.id, channel: "telegram", secret: BOT_TOKEN });
    await rpc("setChannelSecret", { ownerId: bob.id, channel: "telegram", secret: OTHER_TOKEN });
    expect(await rpc("getChannelSecretsForGateway", { ownerId: bob.id })).toEqual([{ channel: "telegram", secret: OTHER_TOKEN }]);
    await rpc("setProviderKey", { ownerId: bob.id, provider: "openai", key: "sk-bobs-own-key-1111" });
    await t.run(async (ctx) => {
      const rows = await ctx.db.query("channelSecrets").collect();
      const adaRow = rows.find((row) => row.ownerId === ada.id)!;
      const bobRow = rows.find((row) => row.ownerId === bob.id)!;
      await ctx.db.patch("channelSecrets", bobRow._id, { ciphertext: adaRow.ciphertext, iv: adaRow.iv });
      const [bobKey] = await ctx.db.query("providerKeys").collect();
      await ctx.db.patch("channelSecrets", adaRow._id, { ciphertext: bobKey!.ciphertext, iv: bobKey!.iv });
    });
    await expectError(call("getChannelSecretsForGateway", { ownerId: bob.id }), 500, "misconfigured");
    await expectError(call("getChannelSecretsForGateway", { ownerId: ada.id }), 500, "misconfigured");
    expect(await rpc("listChannelSecrets", { ownerId: "nobody" })).toEqual([]);
    await expectError(call("setChannelSecret", { ownerId: "nobody", channel: "telegram", secret: BOT_TOKEN }), 404, "not_found");
  });

  test("bad input is a 400 and never echoes the secret", async () => {
    const { call, newUser, expectError } = controlPlane();
    const ada = await newUser();
    for (const secret of ["not-a-telegram-token-0123456789abcdef", "123456789:short", "123456789:AAH with spaces inside the token"]) {
      const refused = await expectError(call("setChannelSecret", { ownerId: ada.id, channel: "telegram", secret }), 400, "invalid_request");
      expect(refused.text).not.toContain(secret);
    }
    await expectError(call("setChannelSecret", { ownerId: ada.id, channel: "discord", secret: BOT_TOKEN }), 400, "invalid_request");
    await expectError(call("deleteChannelSecret", { ownerId: ada.id, channel: "slack" }), 400, "invalid_request");
  });
});
