/// <reference types="vite/client" />
import { convexTest } from "convex-test";
import { expect, vi } from "vitest";
import schema from "./schema";

/** Every function module and the generated code; names with two dots (tests, configs) are left out. */
export const modules = import.meta.glob(["./**/*.{js,ts}", "!./**/*.*.*"]);

export const CONTROL_KEY = "test-control-key-0123456789";
/** base64 of 32 bytes: 0x00..0x1f. */
export const ENCRYPTION_KEY = btoa(String.fromCharCode(...Array.from({ length: 32 }, (_, i) => i)));

export type ControlResponse = { status: number; headers: Headers; text: string; body: any };

/**
 * A fresh deployment for one test, reached only the way servers reach it: over the
 * control routes. Every response body is kept so tests can scan them all for secrets.
 */
export function controlPlane(env: Record<string, string | undefined> = {}) {
  vi.stubEnv("OA_CONTROL_KEY", CONTROL_KEY);
  vi.stubEnv("OPENCLAW_ENCRYPTION_KEY", ENCRYPTION_KEY);
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  const t = convexTest(schema, modules);
  const responses: ControlResponse[] = [];

  async function request(path: string, init: RequestInit = {}): Promise<ControlResponse> {
    const headers = new Headers(init.headers);
    if (!headers.has("x-oa-control-key")) headers.set("x-oa-control-key", CONTROL_KEY);
    const response = await t.fetch(path, { ...init, headers });
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    const recorded = { status: response.status, headers: response.headers, text, body };
    responses.push(recorded);
    return recorded;
  }

  async function call(fn: string, args?: unknown): Promise<ControlResponse> {
    return await request("/control/rpc", { method: "POST", body: JSON.stringify({ function: fn, args }) });
  }

  /** Calls an RPC method that must succeed and returns its value. */
  async function rpc(fn: string, args?: unknown): Promise<any> {
    const response = await call(fn, args);
    expect(response.status, response.text).toBe(200);
    return response.body.value;
  }

  async function expectError(response: Promise<ControlResponse>, status: number, code: string): Promise<ControlResponse> {
    const settled = await response;
    expect(settled.status, settled.text).toBe(status);
    const { details, ...error } = settled.body?.error ?? {};
    expect(error).toEqual({ code, message: expect.any(String) });
    if (details !== undefined) expect(details).toEqual({ issues: expect.any(Array) });
    return settled;
  }

  /** Registers a user and returns their record (`upsertUser` answers with the whole account). */
  async function newUser(email = "ada@example.com", workosUserId = `user_${email}`): Promise<any> {
    return (await rpc("upsertUser", { workosUserId, email, name: "Ada" })).user;
  }

  return { t, request, call, rpc, expectError, newUser, responses };
}
