// Shared by the workerd unit tests: the API worker called in-process with the test env
// (real Convex functions and a WorkOS stand-in on loopback, the real runtime bundle
// behind RUNTIME, see vitest.config.ts), and users made through the API itself.
import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { inject } from "vitest";
import "./test-harness-context.ts";
import type { ApiEnv } from "./env.ts";
import worker from "./index.ts";

export { SIGNED_IN_ROUTES } from "./routes/signed-in-routes.ts";

export const INTERNAL_KEY = "unit-internal-key";
export const ADMIN_EMAIL = "admin@unit.test";

export function apiEnv(overrides: Partial<ApiEnv> = {}): ApiEnv {
  return {
    ...(env as unknown as ApiEnv),
    CONVEX_URL: inject("convexUrl"),
    ADMIN_EMAILS: ADMIN_EMAIL,
    DEFAULT_MODEL_BASE_URL: "http://127.0.0.1:9/v1",
    DEFAULT_MODEL: "echo-1",
    RATE_LIMIT_BURST: "10000",
    RATE_LIMIT_PER_SECOND: "10000",
    ...overrides,
  };
}

export interface CallInit extends RequestInit {
  env?: Partial<ApiEnv>;
  json?: unknown;
}

/**
 * One request through the worker, to `http://api.test<path>` or to a full URL (another
 * host, such as a tenant's Control UI origin); the body is read and background work
 * settled before it returns.
 */
export async function call(path: string, init: CallInit = {}): Promise<Response> {
  const { env: overrides, json, ...rest } = init;
  const headers = new Headers(rest.headers);
  if (json !== undefined) headers.set("content-type", "application/json");
  const ctx = createExecutionContext();
  const request = new Request(/^https?:\/\//.test(path) ? path : `http://api.test${path}`, { ...rest, headers, ...(json !== undefined ? { body: JSON.stringify(json) } : {}) });
  const response = await worker.fetch(request, apiEnv(overrides), ctx);
  const body = await response.arrayBuffer();
  await waitOnExecutionContext(ctx);
  return new Response(body, response);
}

export async function jsonOf<T = Record<string, unknown>>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

export async function expectError(response: Response, status: number, code: string): Promise<{ code: string; message: string }> {
  const text = await response.text();
  if (response.status !== status) throw new Error(`expected ${status} ${code}, got ${response.status}: ${text}`);
  const { error } = JSON.parse(text) as { error: { code: string; message: string } };
  if (error.code !== code) throw new Error(`expected ${code}, got ${error.code}: ${error.message}`);
  return error;
}

export interface TestUser {
  id: string;
  email: string;
  workosUserId: string;
  /** Server-to-server headers acting as this user. */
  headers: Record<string, string>;
}

let counter = 0;

/** A user registered through the internal auth path; optionally let in and given credits by the admin. */
export async function newUser(options: { access?: boolean; credits?: number; email?: string } = {}): Promise<TestUser> {
  const tag = `${Date.now().toString(36)}-${++counter}-${Math.random().toString(36).slice(2, 8)}`;
  const email = options.email ?? `user-${tag}@unit.test`;
  const workosUserId = `user_${tag}`;
  const headers = { "x-oa-internal-key": INTERNAL_KEY, "x-oa-user-id": workosUserId, "x-oa-user-email": email };
  const me = await jsonOf<{ user: { id: string } }>(await call("/api/me", { headers }));
  const user = { id: me.user.id, email, workosUserId, headers: { "x-oa-internal-key": INTERNAL_KEY, "x-oa-user-id": workosUserId } };
  if (options.access) await call(`/api/admin/users/${user.id}/access`, { method: "POST", headers: (await admin()).headers, json: { enabled: true } });
  if (options.credits) await call(`/api/admin/users/${user.id}/credits`, { method: "POST", headers: (await admin()).headers, json: { amount: options.credits, reason: "test" } });
  return user;
}

let adminUser: Promise<TestUser> | null = null;

/** The admin (by ADMIN_EMAILS), registered once per test file. */
export function admin(): Promise<TestUser> {
  adminUser ??= newUser({ email: ADMIN_EMAIL });
  return adminUser;
}
