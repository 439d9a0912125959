import { describe, expect, it } from "vitest";
import { modelCredentialTenant, TenantSettingsSchema } from "@openclaw-cloud/contracts";
import { gatewaySettingsFor, holdsModelCredential, issueModelCredential, revokeModelCredential } from "./model-credentials.ts";

const PROXY_URL = "https://example.test/api/model-proxy/v1";

describe("model proxy credentials", () => {
  it("are replaced at every start of a generation's gateway and go with it", async () => {
    const first = issueModelCredential({}, "u-ada", 0);
    expect(modelCredentialTenant(first.credential)).toBe("u-ada");
    const restarted = issueModelCredential(first.held, "u-ada", 0);
    expect(await holdsModelCredential(restarted.held, restarted.credential)).toBe(true);
    expect(await holdsModelCredential(restarted.held, first.credential)).toBe(false);

    // A restore runs the next generation beside this one until the switch: both hold one.
    const beside = issueModelCredential(restarted.held, "u-ada", 1);
    expect(await holdsModelCredential(beside.held, restarted.credential)).toBe(true);
    expect(await holdsModelCredential(beside.held, beside.credential)).toBe(true);
    const retired = revokeModelCredential(beside.held, 0);
    expect(await holdsModelCredential(retired, restarted.credential)).toBe(false);
    expect(await holdsModelCredential(retired, beside.credential)).toBe(true);
    expect(await holdsModelCredential({}, beside.credential)).toBe(false);
  });
});

describe("gatewaySettingsFor", () => {
  it("points a tenant on the platform's model at the proxy with the start's credential", () => {
    const settings = TenantSettingsSchema.parse({ model: { provider: "platform", model: "echo-1" } });
    expect(gatewaySettingsFor(settings, { url: PROXY_URL, credential: "ocmp_x" }).model).toEqual({ provider: "openai-compatible", model: "echo-1", baseUrl: PROXY_URL, apiKey: "ocmp_x" });
    expect(() => gatewaySettingsFor(settings, { url: undefined, credential: "ocmp_x" })).toThrow(/MODEL_PROXY_URL/);
  });

  it("hands the tenant's own model and key to the gateway as they are", () => {
    const settings = TenantSettingsSchema.parse({ model: { provider: "anthropic", model: "claude-x", apiKey: "sk-ant-12345678" } });
    expect(gatewaySettingsFor(settings, null)).toEqual(settings);
  });
});
