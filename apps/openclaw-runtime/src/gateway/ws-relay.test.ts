import { describe, expect, it } from "vitest";
import { gatewayPath } from "./ws-relay.ts";

describe("gatewayPath", () => {
  it("strips the public tenant prefix and keeps the query", () => {
    expect(gatewayPath(new URL("http://x/gateway/tenant-a/"), "tenant-a")).toBe("/");
    expect(gatewayPath(new URL("http://x/gateway/tenant-a/assets/app.js?v=1"), "tenant-a")).toBe("/assets/app.js?v=1");
    expect(gatewayPath(new URL("http://x/gateway/tenant-a"), "tenant-a")).toBe("/");
  });
});
