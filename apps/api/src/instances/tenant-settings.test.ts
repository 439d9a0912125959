import { describe, expect, it } from "vitest";
import { parseControlUiOrigins } from "../control-ui/control-ui-origin.ts";
import { chooseInstanceModel, composeTenantSettings } from "./tenant-settings.ts";

const platform = { baseUrl: "http://127.0.0.1:8788/v1", model: "echo-1", apiKey: "platform-key-123" };
const withPlatform = { platformModel: platform, controlUi: null };
const tenantId = "u-1a2b";

describe("composeTenantSettings", () => {
  it("uses the user's key for the instance's provider", () => {
    const settings = composeTenantSettings({ provider: "anthropic", model: "claude-x", tenantId }, [{ provider: "anthropic", key: "sk-ant-12345678", baseUrl: null }], withPlatform);
    expect(settings.model).toEqual({ provider: "anthropic", model: "claude-x", apiKey: "sk-ant-12345678" });
    expect(settings.httpEndpoints).toEqual({ responses: true, chatCompletions: true });
  });

  it("falls back to the platform model without a key for that provider, naming only its id", () => {
    const settings = composeTenantSettings({ provider: "openai", model: "gpt-x", tenantId }, [{ provider: "anthropic", key: "sk-ant-12345678", baseUrl: null }], withPlatform);
    expect(settings.model).toEqual({ provider: "platform", model: "echo-1" });
    // The platform's address and key stay in the platform: the runtime gets neither.
    expect(JSON.stringify(settings)).not.toContain(platform.apiKey);
    expect(JSON.stringify(settings)).not.toContain(platform.baseUrl);
  });

  it("carries an openai-compatible key's base URL", () => {
    const settings = composeTenantSettings({ provider: "openai-compatible", model: "m", tenantId }, [{ provider: "openai-compatible", key: "key-12345678", baseUrl: "https://llm.example/v1" }], {
      platformModel: null,
      controlUi: null,
    });
    expect(settings.model).toMatchObject({ baseUrl: "https://llm.example/v1", apiKey: "key-12345678" });
  });

  it("adds a connected Telegram bot token, and nothing when there is none", () => {
    const botToken = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
    const withBot = composeTenantSettings({ provider: "openai", model: "gpt-x", tenantId }, [], withPlatform, [{ channel: "telegram", secret: botToken }]);
    expect(withBot.channels).toEqual({ telegram: { botToken } });
    expect(composeTenantSettings({ provider: "openai", model: "gpt-x", tenantId }, [], withPlatform).channels).toEqual({});
  });

  it("lets the tenant's own Control UI origin, and no other, open the gateway's WebSocket", () => {
    const controlUi = parseControlUiOrigins("https://{tenant}.ui.example.net");
    expect(composeTenantSettings({ provider: "openai", model: "gpt-x", tenantId }, [], { platformModel: platform, controlUi }).allowedOrigins).toEqual(["https://u-1a2b.ui.example.net"]);
    expect(composeTenantSettings({ provider: "openai", model: "gpt-x", tenantId }, [], withPlatform).allowedOrigins).toEqual([]);
  });

  it("says so when there is neither a key nor a platform model", () => {
    expect(() => composeTenantSettings({ provider: "openai", model: "gpt-x", tenantId }, [], { platformModel: null, controlUi: null })).toThrow(
      expect.objectContaining({ code: "no_default_model", status: 503 }),
    );
  });
});

describe("chooseInstanceModel", () => {
  const keys = [{ provider: "openai" as const }];
  it("defaults to the platform model", () => {
    expect(chooseInstanceModel({}, keys, platform)).toEqual({ provider: "openai-compatible", model: "echo-1" });
  });
  it("takes a provider the user has a key for, with its model", () => {
    expect(chooseInstanceModel({ provider: "openai", model: "gpt-5" }, keys, platform)).toEqual({ provider: "openai", model: "gpt-5" });
    expect(() => chooseInstanceModel({ provider: "openai" }, keys, platform)).toThrow(expect.objectContaining({ code: "invalid_request" }));
  });
  it("refuses a keyed provider without a stored key", () => {
    expect(() => chooseInstanceModel({ provider: "anthropic", model: "c" }, keys, platform)).toThrow(expect.objectContaining({ code: "missing_provider_key", status: 400 }));
  });
});
