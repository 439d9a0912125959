import { describe, expect, it } from "vitest";
import { UsageError } from "./errors.ts";
import { openclawEnv, readSandboxEnv, readStartInputs } from "./launcher-env.ts";
import { sandboxPaths } from "./sandbox-paths.ts";

const API_KEY = "sk-secret-key-12345678";
const SETTINGS = JSON.stringify({ model: { provider: "anthropic", model: "claude-sonnet-4-5", apiKey: API_KEY } });

describe("readSandboxEnv", () => {
  it("defaults the port to 18789 and the bind to loopback", () => {
    expect(readSandboxEnv({ SANDBOX_HOME: "/home/openclaw/" })).toEqual({ sandboxHome: "/home/openclaw", gatewayPort: 18789, gatewayBind: "loopback" });
    expect(readSandboxEnv({ SANDBOX_HOME: "/s", GATEWAY_PORT: "19001", GATEWAY_BIND: "lan" })).toEqual({ sandboxHome: "/s", gatewayPort: 19001, gatewayBind: "lan" });
  });

  it.each([
    [{}, "SANDBOX_HOME must be set to an absolute path"],
    [{ SANDBOX_HOME: "relative" }, "SANDBOX_HOME must be set to an absolute path"],
    [{ SANDBOX_HOME: "/s", GATEWAY_PORT: "80a" }, 'GATEWAY_PORT must be a port number, got "80a"'],
    [{ SANDBOX_HOME: "/s", GATEWAY_PORT: "70000" }, 'GATEWAY_PORT must be a port number, got "70000"'],
    [{ SANDBOX_HOME: "/s", GATEWAY_BIND: "0.0.0.0" }, "GATEWAY_BIND must be one of loopback, lan"],
  ])("rejects %j", (env, message) => {
    expect(() => readSandboxEnv(env)).toThrow(new UsageError(message));
  });
});

describe("readStartInputs", () => {
  const env = { SANDBOX_HOME: "/s", OPENCLAW_CLOUD_SETTINGS: SETTINGS, OPENCLAW_CLOUD_GATEWAY_TOKEN: "t".repeat(32) };

  it("parses settings and the gateway token", () => {
    const inputs = readStartInputs(env);
    expect(inputs.settings.model.apiKey).toBe(API_KEY);
    expect(inputs.gatewayToken).toBe("t".repeat(32));
  });

  it("names the bad variable without echoing secrets", () => {
    const bad = JSON.stringify({ model: { provider: "anthropic", model: "m", apiKey: `${API_KEY} x` } });
    expect(() => readStartInputs({ ...env, OPENCLAW_CLOUD_SETTINGS: bad })).toThrow(new UsageError("OPENCLAW_CLOUD_SETTINGS: invalid gateway settings: model.apiKey: printable ASCII without spaces"));
    expect(() => readStartInputs({ ...env, OPENCLAW_CLOUD_SETTINGS: `{"apiKey":"${API_KEY}"` })).toThrow(new UsageError("OPENCLAW_CLOUD_SETTINGS: invalid gateway settings: not valid JSON"));
    expect(() => readStartInputs({ ...env, OPENCLAW_CLOUD_GATEWAY_TOKEN: "" })).toThrow("OPENCLAW_CLOUD_GATEWAY_TOKEN must be set");
  });
});

describe("openclawEnv", () => {
  it("drops the launcher inputs, points OpenClaw at the tenant state and adds the secrets", () => {
    const env = openclawEnv({ PATH: "/usr/bin", HOME: "/root", OPENCLAW_CLOUD_SETTINGS: SETTINGS, OPENCLAW_CLOUD_GATEWAY_TOKEN: "token" }, sandboxPaths("/s"), {
      OPENCLAW_GATEWAY_TOKEN: "token",
      ANTHROPIC_API_KEY: API_KEY,
    });
    expect(env).toEqual({
      MALLOC_ARENA_MAX: "2",
      NODE_OPTIONS: "--max-semi-space-size=2",
      PATH: "/usr/bin",
      HOME: "/s",
      OPENCLAW_STATE_DIR: "/s/openclaw",
      OPENCLAW_CONFIG_PATH: "/s/openclaw/openclaw.json",
      OPENCLAW_NO_RESPAWN: "1",
      OPENCLAW_GATEWAY_TOKEN: "token",
      ANTHROPIC_API_KEY: API_KEY,
    });
  });

  it("keeps an operator's own malloc arena limit and Node options", () => {
    expect(openclawEnv({ MALLOC_ARENA_MAX: "4" }, sandboxPaths("/s")).MALLOC_ARENA_MAX).toBe("4");
    expect(openclawEnv({ NODE_OPTIONS: "--max-old-space-size=2048" }, sandboxPaths("/s")).NODE_OPTIONS).toBe("--max-old-space-size=2048");
  });
});
