import { GatewaySettingsSchema, type GatewaySettingsInput } from "@openclaw-cloud/contracts";
import { describe, expect, it } from "vitest";
import { buildGatewayLaunch, type GatewayLaunchContext } from "./gateway-launch.ts";

const GATEWAY_TOKEN = "gateway-token-0123456789abcdef";
const API_KEY = "sk-provider-key-0123456789";
const BOT_TOKEN = "123456789:telegram-bot-token-abcdef";
const ctx: GatewayLaunchContext = { gatewayPort: 18789, stateDir: "/home/openclaw/openclaw", gatewayToken: GATEWAY_TOKEN };

function launch(input: Partial<GatewaySettingsInput> = {}, context: Partial<GatewayLaunchContext> = {}) {
  const settings = GatewaySettingsSchema.parse({
    agent: { name: "Claw", persona: "Dry humor. Short answers." },
    model: { provider: "openai-compatible", model: "echo-1", baseUrl: "http://127.0.0.1:19500/v1", apiKey: API_KEY },
    ...input,
  });
  return buildGatewayLaunch(settings, { ...ctx, ...context });
}

describe("buildGatewayLaunch", () => {
  it("runs a token-authenticated local gateway on the given port, loopback by default", () => {
    const { gateway } = launch().config;
    expect(gateway).toMatchObject({
      mode: "local",
      port: 18789,
      bind: "loopback",
      trustedProxies: ["127.0.0.1", "::1"],
      auth: { mode: "token", token: { source: "env", provider: "default", id: "OPENCLAW_GATEWAY_TOKEN" } },
      terminal: { enabled: false },
    });
    expect(launch({}, { bind: "lan" }).config.gateway.bind).toBe("lan");
  });

  it("enables the HTTP endpoints and Control UI origins the tenant chose", () => {
    const { gateway } = launch({
      httpEndpoints: { responses: false, chatCompletions: true },
      allowedOrigins: ["https://chat.example.com"],
    }).config;
    expect(gateway.http.endpoints).toEqual({ responses: { enabled: false }, chatCompletions: { enabled: true } });
    expect(gateway.controlUi.allowedOrigins).toEqual(["https://chat.example.com"]);
    expect(launch().config.gateway.http.endpoints.responses.enabled).toBe(true);
  });

  it("registers an OpenAI-compatible server as a custom chat-completions provider", () => {
    const { config, env } = launch();
    expect(config.models?.providers).toEqual({
      custom: {
        baseUrl: "http://127.0.0.1:19500/v1",
        apiKey: { source: "env", provider: "default", id: "CUSTOM_API_KEY" },
        api: "openai-completions",
        models: [{ id: "echo-1", name: "echo-1" }],
      },
    });
    expect(config.agents.defaults.model.primary).toBe("custom/echo-1");
    expect(env.CUSTOM_API_KEY).toBe(API_KEY);
    expect(config.plugins.allow).toEqual(["device-pair"]);
  });

  it("leaves out the key of an OpenAI-compatible server without auth", () => {
    const { config, env } = launch({ model: { provider: "openai-compatible", model: "m", baseUrl: "http://10.0.0.2:8000/v1" } });
    expect(config.models?.providers.custom).not.toHaveProperty("apiKey");
    expect(Object.keys(env)).toEqual(["OPENCLAW_GATEWAY_TOKEN"]);
  });

  it.each(["anthropic", "openai"] as const)("uses the bundled %s plugin with its documented key variable", (provider) => {
    const { config, env } = launch({ model: { provider, model: "model-x", apiKey: API_KEY } });
    expect(config.agents.defaults.model.primary).toBe(`${provider}/model-x`);
    expect(config).not.toHaveProperty("models");
    expect(config.plugins.allow).toEqual(["device-pair", provider]);
    expect(env[`${provider.toUpperCase()}_API_KEY`]).toBe(API_KEY);
  });

  it("overrides a bundled provider's endpoint when a base URL is given", () => {
    const { config } = launch({ model: { provider: "anthropic", model: "m", baseUrl: "https://proxy.example.com/anthropic", apiKey: API_KEY } });
    expect(config.models?.providers).toEqual({
      anthropic: { baseUrl: "https://proxy.example.com/anthropic", apiKey: { source: "env", provider: "default", id: "ANTHROPIC_API_KEY" } },
    });
  });

  it("adds the Telegram channel with DM pairing only when a bot token is set", () => {
    expect(launch().config).not.toHaveProperty("channels");
    const { config, env } = launch({ channels: { telegram: { botToken: BOT_TOKEN } } });
    expect(config.channels).toEqual({
      telegram: { enabled: true, botToken: { source: "env", provider: "default", id: "TELEGRAM_BOT_TOKEN" }, dmPolicy: "pairing" },
    });
    expect(config.plugins.allow).toContain("telegram");
    expect(env.TELEGRAM_BOT_TOKEN).toBe(BOT_TOKEN);
  });

  it("keeps the plugin set minimal, adds tenant plugins once, and turns memory off unless memory-core is on", () => {
    expect(launch().config.plugins).toEqual({ allow: ["device-pair"], slots: { memory: "none" } });
    const withExtras = launch({ plugins: ["memory-core", "device-pair", "document-extract"] }).config.plugins;
    expect(withExtras).toEqual({ allow: ["device-pair", "memory-core", "document-extract"] });
  });

  it("makes the agent's exec tool ask the person for every command not on the (empty) allowlist", () => {
    expect(launch().config.tools).toEqual({ exec: { host: "gateway", mode: "ask", strictInlineEval: true } });
  });

  it("turns off unattended heartbeat turns", () => {
    expect(launch().config.agents.defaults.heartbeat).toEqual({ every: "0m" });
  });

  it("keeps workspace and logs inside the state directory", () => {
    const { config } = launch({}, { stateDir: "/tmp/sandbox/openclaw/" });
    expect(config.agents.defaults.workspace).toBe("/tmp/sandbox/openclaw/workspace");
    expect(config.logging.file).toBe("/tmp/sandbox/openclaw/logs/openclaw.log");
  });

  it("names the agent and writes IDENTITY.md and SOUL.md into the workspace", () => {
    const { config, files } = launch();
    expect(config.agents.entries.main).toEqual({ name: "Claw", identity: { name: "Claw" } });
    expect(files).toEqual([
      { path: "workspace/IDENTITY.md", content: "# IDENTITY.md - Who Am I?\n\n- **Name:** Claw\n" },
      { path: "workspace/SOUL.md", content: "# SOUL.md - Who You Are\n\nDry humor. Short answers.\n" },
    ]);
    expect(launch({ agent: { name: "Claw" } }).files.map((f) => f.path)).toEqual(["workspace/IDENTITY.md"]);
  });

  it("passes every secret in env and none in config or files", () => {
    const { config, files, env } = launch({
      model: { provider: "openai", model: "gpt-5.1", baseUrl: "https://api.example.com/v1", apiKey: API_KEY },
      channels: { telegram: { botToken: BOT_TOKEN } },
    });
    const written = JSON.stringify(config) + JSON.stringify(files);
    for (const secret of [GATEWAY_TOKEN, API_KEY, BOT_TOKEN]) {
      expect(written).not.toContain(secret);
      expect(Object.values(env)).toContain(secret);
    }
    expect(env).toEqual({ OPENCLAW_GATEWAY_TOKEN: GATEWAY_TOKEN, OPENAI_API_KEY: API_KEY, TELEGRAM_BOT_TOKEN: BOT_TOKEN });
  });

  it("is deterministic", () => {
    expect(launch()).toEqual(launch());
  });

  it.each([
    ["a relative state directory", { stateDir: "openclaw" }],
    ["a state directory with ..", { stateDir: "/home/openclaw/../etc" }],
    ["a port out of range", { gatewayPort: 70000 }],
    ["a short gateway token", { gatewayToken: "short" }],
  ])("rejects %s", (_, context) => {
    expect(() => launch({}, context)).toThrow();
  });
});
