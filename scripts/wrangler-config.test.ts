import { describe, expect, it } from "vitest";
import { parseBaseToml, sandboxImageTag, wranglerConfigDrift } from "./wrangler-config.ts";

const base = parseBaseToml(`compatibility_date = "2026-10-01"\ncompatibility_flags = ["nodejs_compat"]\n\n[observability]\nenabled = true\n`);

describe("wrangler config drift", () => {
  it("parses the base settings", () => {
    expect(base).toEqual({ compatibility_date: "2026-10-01", compatibility_flags: ["nodejs_compat"], observability_enabled: true });
  });

  it("accepts a matching JSONC config, comments and URLs in strings included", () => {
    const config = `// top\n{ "name": "x", /* c */ "url": "http://a//b", "compatibility_date": "2026-10-01", "compatibility_flags": ["nodejs_compat"], "observability": { "enabled": true } }`;
    expect(wranglerConfigDrift(base, config)).toEqual([]);
  });

  it("names each drifting key", () => {
    const config = `{ "compatibility_date": "2026-11-20", "compatibility_flags": [], "observability": { "enabled": false } }`;
    expect(wranglerConfigDrift(base, config)).toHaveLength(3);
  });
});

describe("sandboxImageTag", () => {
  it("reads the sandbox base image tag, with or without a registry", () => {
    expect(sandboxImageTag("FROM node:24 AS node\n\nFROM docker.io/cloudflare/sandbox:0.12.10\nRUN x")).toBe("0.12.10");
    expect(sandboxImageTag("FROM cloudflare/sandbox:1.2.3")).toBe("1.2.3");
    expect(sandboxImageTag("FROM node:24")).toBeNull();
  });
});
