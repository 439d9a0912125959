import { describe, expect, it } from "vitest";
import { parseTenantSettings, parseTenantSettingsJson } from "./parse-tenant-settings.ts";

const SECRET = "sk-very-secret-value-123";

describe("parseTenantSettings", () => {
  it("returns parsed settings with defaults", () => {
    const result = parseTenantSettings({ model: { provider: "anthropic", model: "claude-sonnet-4-5", apiKey: SECRET } });
    expect(result.ok && result.settings.agent.name).toBe("OpenClaw");
  });

  it("reports every problem by path, without values", () => {
    const result = parseTenantSettings({
      model: { provider: "openai", model: "gpt 5", apiKey: `${SECRET} with spaces` },
      allowedOrigins: ["not a url"],
      surprise: SECRET,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.path)).toEqual(expect.arrayContaining(["(root)", "model.model", "model.apiKey", "allowedOrigins.0"]));
    expect(result.message).toMatch(/^invalid tenant settings: /);
    expect(result.message).toContain("model.apiKey: printable ASCII without spaces");
    expect(JSON.stringify(result)).not.toContain(SECRET);
  });

  it("rejects a missing model", () => {
    const result = parseTenantSettings({});
    expect(result.ok ? [] : result.issues).toContainEqual(expect.objectContaining({ path: "model", code: "invalid_type" }));
  });
});

describe("parseTenantSettingsJson", () => {
  it("parses a JSON document", () => {
    const json = JSON.stringify({ model: { provider: "openai-compatible", model: "m", baseUrl: "http://127.0.0.1:1/v1" } });
    expect(parseTenantSettingsJson(json).ok).toBe(true);
  });

  it("reports broken JSON without quoting it", () => {
    const result = parseTenantSettingsJson(`{"model":{"apiKey":"${SECRET}"`);
    expect(result).toEqual({
      ok: false,
      message: "invalid tenant settings: not valid JSON",
      issues: [{ path: "(root)", code: "invalid_json", message: "not valid JSON" }],
    });
  });
});
