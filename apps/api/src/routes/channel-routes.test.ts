import { describe, expect, it } from "vitest";
import { admin, call, expectError, jsonOf, newUser } from "../test-harness.ts";

const BOT_TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";

describe("Telegram channel", () => {
  it("stores the bot token, shows its last 4 only, never returns it, removes it; both changes audited", async () => {
    const user = await newUser({ access: true });
    expect(await jsonOf(await call("/api/openclaw/channels", { headers: user.headers }))).toEqual({ telegram: { configured: false, last4: null, updatedAt: null } });

    const put = await call("/api/openclaw/channels/telegram", { method: "PUT", headers: user.headers, json: { botToken: BOT_TOKEN } });
    const putText = await put.text();
    expect(put.status, putText).toBe(200);
    expect(putText).not.toContain(BOT_TOKEN);
    expect(JSON.parse(putText)).toEqual({
      channel: { configured: true, last4: "Dsaw", updatedAt: expect.any(Number) },
      gateway: { reconfigured: false, reason: "no_instance" },
    });
    const listText = await (await call("/api/openclaw/channels", { headers: user.headers })).text();
    expect(listText).not.toContain(BOT_TOKEN);
    expect(JSON.parse(listText)).toEqual({ telegram: { configured: true, last4: "Dsaw", updatedAt: expect.any(Number) } });

    const removed = await jsonOf(await call("/api/openclaw/channels/telegram", { method: "DELETE", headers: user.headers }));
    expect(removed).toEqual({ channel: { configured: false, last4: null, updatedAt: null }, gateway: { reconfigured: false, reason: "no_instance" } });
    await expectError(await call("/api/openclaw/channels/telegram", { method: "DELETE", headers: user.headers }), 404, "not_found");

    const audit = await jsonOf<{ entries: Array<{ action: string; target: string; details: unknown }> }>(await call("/api/admin/audit?limit=200", { headers: (await admin()).headers }));
    const mine = audit.entries.filter((e) => e.target === user.id);
    expect(mine.map((e) => e.action)).toEqual(expect.arrayContaining(["channel.set", "channel.delete"]));
    expect(JSON.stringify(mine)).not.toContain(BOT_TOKEN);
  });

  it("refuses a malformed token with a clear message that never echoes it", async () => {
    const user = await newUser({ access: true });
    for (const botToken of ["123456789:tooshort", "AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw-no-id", `123456789:${"A".repeat(70)}`, "123456789:AAH dq TcvCH1vGWJxfSeofSAs0K5P"]) {
      const response = await call("/api/openclaw/channels/telegram", { method: "PUT", headers: user.headers, json: { botToken } });
      const text = await response.clone().text();
      const error = await expectError(response, 400, "invalid_request");
      expect(error.message).toContain("botToken");
      expect(text).not.toContain(botToken);
    }
    expect((await jsonOf<{ telegram: { configured: boolean } }>(await call("/api/openclaw/channels", { headers: user.headers }))).telegram.configured).toBe(false);
  });

  it("keeps users apart: one user's token is not another's", async () => {
    const [a, b] = await Promise.all([newUser({ access: true }), newUser({ access: true })]);
    await call("/api/openclaw/channels/telegram", { method: "PUT", headers: a.headers, json: { botToken: BOT_TOKEN } });
    expect((await jsonOf<{ telegram: { configured: boolean } }>(await call("/api/openclaw/channels", { headers: b.headers }))).telegram.configured).toBe(false);
    await expectError(await call("/api/openclaw/channels/telegram", { method: "DELETE", headers: b.headers }), 404, "not_found");
  });
});
