// Test support: a user the way the website signs them in.
import { admin, call, jsonOf } from "../test-harness.ts";

/** A user signed in the website's way (the local sign-in), let in by the admin. */
export async function sessionUser(credits = 0): Promise<{ id: string; cookie: string }> {
  const signIn = await call("/api/auth/local/sign-in", { method: "POST", json: { email: `session-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@unit.test` } });
  const cookie = signIn.headers.get("set-cookie")!.split(";")[0]!;
  const { user } = await jsonOf<{ user: { id: string } }>(signIn);
  const { headers } = await admin();
  await call(`/api/admin/users/${user.id}/access`, { method: "POST", headers, json: { enabled: true } });
  if (credits) await call(`/api/admin/users/${user.id}/credits`, { method: "POST", headers, json: { amount: credits, reason: "test" } });
  return { id: user.id, cookie };
}
