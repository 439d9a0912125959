import { describe, expect, it } from "vitest";
import { DEFAULT_PORT, modelServerOptionsFromEnv } from "./env.ts";

describe("modelServerOptionsFromEnv", () => {
  it("defaults the port and leaves other options to the server", () => {
    expect(modelServerOptionsFromEnv({})).toEqual({ port: DEFAULT_PORT });
    expect(modelServerOptionsFromEnv({ PORT: "", MODEL_API_KEY: "" })).toEqual({ port: DEFAULT_PORT });
  });

  it("reads every variable", () => {
    expect(modelServerOptionsFromEnv({ PORT: "0", HOST: "0.0.0.0", MODEL_TOKEN_DELAY_MS: "2.5", MODEL_API_KEY: "k" })).toEqual({ port: 0, host: "0.0.0.0", tokenDelayMs: 2.5, apiKey: "k" });
  });

  it("rejects malformed numbers", () => {
    expect(() => modelServerOptionsFromEnv({ PORT: "http" })).toThrow();
    expect(() => modelServerOptionsFromEnv({ MODEL_TOKEN_DELAY_MS: "-1" })).toThrow();
  });
});
