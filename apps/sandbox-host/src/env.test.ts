import { describe, expect, it } from "vitest";
import { buildProcessEnv } from "./env.ts";

const base = { path: "/bin", home: "/state/a/home", sandboxId: "a", gatewayPort: 20000, nodeEnv: "development" };

describe("buildProcessEnv", () => {
  it("provides the base variables only", () => {
    expect(buildProcessEnv(base)).toEqual({
      PATH: "/bin",
      NODE_ENV: "development",
      HOME: "/state/a/home",
      SANDBOX_HOME: "/state/a/home",
      SANDBOX_ID: "a",
      GATEWAY_PORT: "20000",
    });
  });

  it("lets callers add and override ordinary variables but not the sandbox identity", () => {
    const env = buildProcessEnv(base, {
      TOKEN: "t",
      PATH: "/custom",
      HOME: "/etc",
      SANDBOX_HOME: "/",
      SANDBOX_ID: "b",
      GATEWAY_PORT: "1",
    });
    expect(env).toMatchObject({ TOKEN: "t", PATH: "/custom", HOME: "/state/a/home", SANDBOX_HOME: "/state/a/home" });
    expect(env).toMatchObject({ SANDBOX_ID: "a", GATEWAY_PORT: "20000" });
  });
});
