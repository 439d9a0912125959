import { expect } from "vitest";
import type { ActingUser, LocalStack } from "@openclaw-cloud/local-stack";

export type ApiInit = RequestInit & { json?: unknown };

/** A request to the api worker on its own port, as a server-to-server caller acting for `user` (no one when null). */
export function apiRequest(stack: LocalStack, user: ActingUser | null, path: string, init: ApiInit = {}, send: typeof fetch = fetch): Promise<Response> {
  const headers = new Headers(init.headers);
  if (user) for (const [name, value] of Object.entries(stack.apiInternalHeaders(user))) headers.set(name, value);
  if (init.json !== undefined) headers.set("content-type", "application/json");
  return send(`${stack.apiUrl}${path}`, { ...init, headers, ...(init.json !== undefined ? { body: JSON.stringify(init.json) } : {}) });
}

/** The answer's JSON, once its status is `status` (the body is in the failure message otherwise). */
export async function json<T = Record<string, unknown>>(response: Response, status = 200): Promise<T> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  return JSON.parse(text) as T;
}

/** The stable code of an error answer. */
export async function errorCode(response: Response): Promise<string> {
  return ((await response.json()) as { error: { code: string } }).error.code;
}
