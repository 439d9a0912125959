import { describe, expect, it } from "vitest";
import { controlUiOrigin, controlUiTenant, parseControlUiOrigins } from "./control-ui-origin.ts";

describe("Control UI origins", () => {
  it("parse a {tenant} template, or nothing", () => {
    expect(parseControlUiOrigins("https://{tenant}.ui.example.net")).toEqual({ protocol: "https:", hostSuffix: ".ui.example.net" });
    expect(parseControlUiOrigins("http://{tenant}.ui.localhost:8789/")).toEqual({ protocol: "http:", hostSuffix: ".ui.localhost:8789" });
    for (const bad of [undefined, "", "https://ui.example.net", "https://{tenant}", "https://x{tenant}.example.net", "https://{tenant}.example.net/path", "ftp://{tenant}.x", "https://{tenant}..x"]) {
      expect(parseControlUiOrigins(bad), String(bad)).toBeNull();
    }
  });

  it("map a tenant to its origin and a host back to its tenant", () => {
    const origins = parseControlUiOrigins("https://{tenant}.ui.example.net")!;
    expect(controlUiOrigin(origins, "u-1a2b")).toBe("https://u-1a2b.ui.example.net");
    expect(controlUiTenant(origins, new URL("https://u-1a2b.ui.example.net/assets/x.js"))).toBe("u-1a2b");
    expect(controlUiTenant(origins, new URL("https://U-1A2B.ui.example.net/"))).toBe("u-1a2b");
    for (const other of [
      "https://ui.example.net/",
      "https://example.net/",
      "https://a.b.ui.example.net/",
      "https://-x.ui.example.net/",
      "https://u-1.ui.example.net.evil.com/",
      "https://u-1.ui.example.net:8443/",
    ]) {
      expect(controlUiTenant(origins, new URL(other)), other).toBeNull();
    }
  });
});
