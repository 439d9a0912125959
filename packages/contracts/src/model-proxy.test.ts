import { describe, expect, it } from "vitest";
import { formatModelCredential, modelCallReference, modelCallSurface, modelCredentialTenant } from "./model-proxy.ts";

describe("model proxy credentials", () => {
  it("name their tenant, and a malformed one names none", () => {
    const credential = formatModelCredential("u-abc123", new Uint8Array(32).fill(171));
    expect(credential).toBe(`ocmp_u-abc123.${"ab".repeat(32)}`);
    expect(modelCredentialTenant(credential)).toBe("u-abc123");
    for (const bad of [
      "",
      "Bearer x",
      `ocmp_u-abc123.${"ab".repeat(31)}`,
      `ocmp_U-ABC.${"ab".repeat(32)}`,
      `ocmp_a--b.${"ab".repeat(32)}`,
      `ocmp_u-abc123.${"ab".repeat(32)}\n`,
      `xocmp_u-abc123.${"ab".repeat(32)}`,
    ]) {
      expect(modelCredentialTenant(bad), bad).toBeNull();
    }
  });

  it("are made only from a valid tenant id and 32 bytes", () => {
    expect(() => formatModelCredential("Not A Tenant", new Uint8Array(32))).toThrow();
    expect(() => formatModelCredential("u-abc", new Uint8Array(16))).toThrow();
  });
});

describe("model call references", () => {
  it("carry the surface a call is billed to, and read it back", () => {
    expect(modelCallReference("website", "chatcmpl-1")).toBe("model:website:chatcmpl-1");
    expect(modelCallSurface("model:gateway:chatcmpl-1")).toBe("gateway");
    for (const other of ["model:chatcmpl-1", "model:moon:x", "thread-turn:abc", "", null, undefined]) expect(modelCallSurface(other)).toBeNull();
  });
});
