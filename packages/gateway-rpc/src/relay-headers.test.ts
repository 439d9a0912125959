import { describe, expect, it } from "vitest";
import { relayUpstreamHeaders, UNKNOWN_CLIENT_IP } from "./relay-headers.ts";

describe("relayUpstreamHeaders", () => {
  it.each(["203.0.113.7", "10.1.2.3", "2001:db8::1", "::ffff:198.51.100.4"])("forwards the edge's client address %s", (ip) => {
    expect(relayUpstreamHeaders(ip)).toEqual({ "x-forwarded-for": ip });
  });

  it("trims whitespace around the address", () => {
    expect(relayUpstreamHeaders(" 203.0.113.7 ")).toEqual({ "x-forwarded-for": "203.0.113.7" });
  });

  it.each(["127.0.0.1", "127.8.9.10", "::1", "0:0:0:0:0:0:0:1", "::ffff:127.0.0.1", "0.0.0.0", "::"])(
    "reports the loopback or unspecified address %s as unknown, which the gateway would refuse",
    (ip) => {
      expect(relayUpstreamHeaders(ip)).toEqual({ "x-forwarded-for": UNKNOWN_CLIENT_IP });
    },
  );

  it.each([null, undefined, "", "unknown", "1.2.3.4, 5.6.7.8", "1.2.3.4\r\nx-evil: 1", "a".repeat(60)])("reports %j as unknown", (value) => {
    expect(relayUpstreamHeaders(value)).toEqual({ "x-forwarded-for": UNKNOWN_CLIENT_IP });
  });
});
