import type { LocalStack } from "@openclaw-cloud/local-stack";

/** A call to the runtime worker's internal routes as the API worker would make it. */
export function runtimeFetch(stack: LocalStack, tenantId: string, path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  for (const [name, value] of Object.entries(stack.internalHeaders(tenantId))) headers.set(name, value);
  if (init.body && !headers.has("content-type")) headers.set("content-type", "application/json");
  return fetch(`${stack.runtimeUrl}${path}`, { ...init, headers });
}

/** A call to the local sandbox host (the stand-in for Cloudflare Containers). */
export function sandboxHostFetch(stack: LocalStack, path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set("authorization", `Bearer ${stack.secrets.sandboxHostSecret}`);
  if (init.body && !headers.has("content-type")) headers.set("content-type", "application/json");
  return fetch(`${stack.sandboxHostUrl}${path}`, { ...init, headers });
}

/** The JSON body of a response that must have `status`; otherwise an error quoting the body. */
export async function expectJson<T>(response: Response, status = 200): Promise<T> {
  const text = await response.text();
  if (response.status !== status) throw new Error(`${response.url} answered ${response.status} (expected ${status}): ${text.slice(0, 500)}`);
  return JSON.parse(text) as T;
}

export interface SandboxProcess {
  id: string;
  pid: number | null;
  status: "running" | "exited" | "killed";
  startedAt: string;
}

export interface SandboxInfo {
  home: string;
  gatewayPort: number | null;
  processes: SandboxProcess[];
}

export async function sandboxInfo(stack: LocalStack, tenantId: string): Promise<SandboxInfo> {
  return expectJson<SandboxInfo>(await sandboxHostFetch(stack, `/sandboxes/${encodeURIComponent(tenantId)}`));
}

export async function provisionTenant(stack: LocalStack, tenantId: string): Promise<void> {
  const body = JSON.stringify({ settings: stack.tenantSettings() });
  const status = await expectJson<{ state: string }>(await runtimeFetch(stack, tenantId, "/v1/tenant/provision", { method: "POST", body }), 201);
  if (status.state !== "running") throw new Error(`tenant ${tenantId} is ${status.state} after provisioning`);
}

/** Removes the tenant, its sandbox and its backups. */
export async function destroyTenant(stack: LocalStack, tenantId: string): Promise<void> {
  await expectJson(await runtimeFetch(stack, tenantId, "/v1/tenant?purgeBackups=true", { method: "DELETE" }));
}
