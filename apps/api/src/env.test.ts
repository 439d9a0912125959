import { describe, expect, it } from "vitest";
import { apiSettings } from "./env.ts";

describe("apiSettings", () => {
  it("reads admin emails case-insensitively and defaults the limits", () => {
    const settings = apiSettings({ ADMIN_EMAILS: " A@x.io, b@y.io ,," });
    expect([...settings.adminEmails]).toEqual(["a@x.io", "b@y.io"]);
    expect(settings.rateLimit).toEqual({ burst: 60, perSecond: 10 });
    expect(settings.workos).toBeNull();
    expect(settings.platformModel).toBeNull();
  });

  it("turns WorkOS on only with both API key and client id", () => {
    expect(apiSettings({ WORKOS_API_KEY: "sk" }).workos).toBeNull();
    expect(apiSettings({ WORKOS_API_KEY: "sk", WORKOS_CLIENT_ID: "client_1", WORKOS_COOKIE_PASSWORD: "p" }).workos).toEqual({ apiKey: "sk", clientId: "client_1", cookiePassword: "p" });
  });

  it("allows the local sign-in only when asked to and WorkOS is off", () => {
    expect(apiSettings({}).localSignIn).toBe(false);
    expect(apiSettings({ ALLOW_LOCAL_SIGN_IN: "true" }).localSignIn).toBe(true);
    expect(apiSettings({ ALLOW_LOCAL_SIGN_IN: "true", WORKOS_API_KEY: "sk", WORKOS_CLIENT_ID: "c" }).localSignIn).toBe(false);
  });

  it("needs both base URL and model for a platform model", () => {
    expect(apiSettings({ DEFAULT_MODEL: "m" }).platformModel).toBeNull();
    expect(apiSettings({ DEFAULT_MODEL: "m", DEFAULT_MODEL_BASE_URL: "http://x/v1" }).platformModel).toEqual({ baseUrl: "http://x/v1", model: "m" });
  });
});
