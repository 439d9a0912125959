import { describe, expect, it } from "vitest";
import { matchRoute } from "./routes.ts";

describe("matchRoute", () => {
  it("matches resource routes by method with decoded params", () => {
    expect(matchRoute("POST", "/sandboxes/a-1/exec")).toEqual({ kind: "route", name: "exec", params: { id: "a-1" } });
    expect(matchRoute("DELETE", "/sandboxes/a/processes/gateway")).toEqual({
      kind: "route",
      name: "killProcess",
      params: { id: "a", pid: "gateway" },
    });
    expect(matchRoute("GET", "/sandboxes/a/files/list")).toMatchObject({ name: "listFiles" });
    expect(matchRoute("GET", "/sandboxes/a%2Fb")).toMatchObject({ params: { id: "a/b" } });
  });

  it("matches the proxy for any method and keeps its tail raw", () => {
    expect(matchRoute("PATCH", "/sandboxes/a/ports/18789/v1/responses%20x")).toEqual({
      kind: "route",
      name: "proxy",
      params: { id: "a", port: "18789", rest: "/v1/responses%20x" },
    });
    expect(matchRoute("GET", "/sandboxes/a/ports/18789")).toMatchObject({ params: { rest: "/" } });
  });

  it("distinguishes unknown paths from wrong methods", () => {
    expect(matchRoute("GET", "/nope")).toEqual({ kind: "not_found" });
    expect(matchRoute("PUT", "/sandboxes/a/exec")).toEqual({ kind: "method_not_allowed", allowed: ["POST"] });
  });
});
