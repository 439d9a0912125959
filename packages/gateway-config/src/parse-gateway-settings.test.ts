import { describe, expect, it } from "vitest";
import { parseGatewaySettings, parseGatewaySettingsJson } from "./parse-gateway-settings.ts";

const SECRET = "sk-very-secret-value-123";

describe("parseGatewaySettings", () => {
  it("returns parsed settings with defaults", () => {
    const result = parseGatewaySettings({ model: { provider: "anthropic", model: "claude-sonnet-4-5", apiKey: SECRET } });
    expect(result.ok && result.settings.agent.name).toBe("OpenClaw");
  });

  it("reports every problem by path, without values", () => {
    const result = parseGatewaySettings({
      model: { provider: "openai", model: "gpt 5", apiKey: `${SECRET} with spaces` },
      allowedOrigins: ["not a url"],
      surprise: SECRET,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.path)).toEqual(expect.arrayContaining(["(root)", "model.model", "model.apiKey", "allowedOrigins.0"]));
    expect(result.message).toMatch(/^invalid gateway settings: /);
    expect(result.message).toContain("model.apiKey: printable ASCII without spaces");
    expect(JSON.stringify(result)).not.toContain(SECRET);
  });

  it("refuses the platform model: the runtime turns it into the model proxy and a credential first", () => {
    const result = parseGatewaySettings({ model: { provider: "platform", model: "echo-1" } });
    expect(result.ok ? [] : result.issues.map((i) => i.path)).toEqual(["model.provider"]);
  });

  it("rejects a missing model", () => {
    const result = parseGatewaySettings({});
    expect(result.ok ? [] : result.issues).toContainEqual(expect.objectContaining({ path: "model", code: "invalid_type" }));
  });
});

describe("parseGatewaySettingsJson", () => {
  it("parses a JSON document", () => {
    const json = JSON.stringify({ model: { provider: "openai-compatible", model: "m", baseUrl: "http://127.0.0.1:1/v1" } });
    expect(parseGatewaySettingsJson(json).ok).toBe(true);
  });

  it("reports broken JSON without quoting it", () => {
    const result = parseGatewaySettingsJson(`{"model":{"apiKey":"${SECRET}"`);
    expect(result).toEqual({
      ok: false,
      message: "invalid gateway settings: not valid JSON",
      issues: [{ path: "(root)", code: "invalid_json", message: "not valid JSON" }],
    });
  });
});
