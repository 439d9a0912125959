import { describe, expect, it } from "vitest";
import { controlUiRequest, gatewayPath } from "./ws-relay.ts";

describe("gatewayPath", () => {
  it("strips the public tenant prefix and keeps the query", () => {
    expect(gatewayPath(new URL("http://x/gateway/tenant-a/"), "tenant-a")).toBe("/");
    expect(gatewayPath(new URL("http://x/gateway/tenant-a/assets/app.js?v=1"), "tenant-a")).toBe("/assets/app.js?v=1");
    expect(gatewayPath(new URL("http://x/gateway/tenant-a"), "tenant-a")).toBe("/");
  });
});

describe("controlUiRequest", () => {
  it("lets the Control UI read its pages and assets", () => {
    for (const path of ["/", "/assets/app.js?v=1", "/favicon.svg", "/v1x/not-the-api"]) expect(() => controlUiRequest("GET", path)).not.toThrow();
    expect(() => controlUiRequest("HEAD", "/")).not.toThrow();
  });

  it("refuses writes and the gateway's operator APIs, however the path is spelled", () => {
    for (const method of ["POST", "PUT", "DELETE", "PATCH"]) expect(() => controlUiRequest(method, "/")).toThrow(expect.objectContaining({ code: "method_not_allowed", status: 405 }));
    for (const path of ["/tools/invoke", "/v1/responses", "/v1/models", "/V1/chat/completions", "//v1/responses", "/%761/responses", "/v1%2Fresponses", "/hooks/x", "/api/x", "/v1?x=1"]) {
      expect(() => controlUiRequest("GET", path), path).toThrow(expect.objectContaining({ code: "forbidden", status: 403 }));
    }
    expect(() => controlUiRequest("GET", "/%E0%A4%A")).toThrow(expect.objectContaining({ code: "invalid_request", status: 400 }));
  });
});
