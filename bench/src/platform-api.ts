import { readFileSync } from "node:fs";
import { runningGateway, tenantSandboxIds, type LocalStack } from "@openclaw-cloud/local-stack";
import type { ChatTarget } from "./measure-chat.ts";

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

/** The host path of the tenant's newest sandbox (each restore moves a tenant to a new one). */
export async function tenantSandboxPath(stack: LocalStack, tenantId: string): Promise<string> {
  const [newest] = await tenantSandboxIds(stack, tenantId);
  return `/sandboxes/${encodeURIComponent(newest ?? tenantId)}`;
}

export async function sandboxInfo(stack: LocalStack, tenantId: string): Promise<SandboxInfo> {
  return expectJson<SandboxInfo>(await sandboxHostFetch(stack, await tenantSandboxPath(stack, tenantId)));
}

/** Deletes every sandbox of the tenant on the host, as a recycled machine would have lost them. */
export async function deleteTenantSandboxes(stack: LocalStack, tenantId: string): Promise<void> {
  for (const id of await tenantSandboxIds(stack, tenantId)) await expectJson(await sandboxHostFetch(stack, `/sandboxes/${encodeURIComponent(id)}`, { method: "DELETE" }));
}

export async function sandboxIds(stack: LocalStack): Promise<string[]> {
  return (await expectJson<{ sandboxes: string[] }>(await sandboxHostFetch(stack, "/sandboxes"))).sandboxes;
}

/**
 * The tenant's own gateway, reached on its sandbox port with its own token, bypassing the
 * platform. The token never leaves the runtime, so it is read where only a benchmark on
 * the same machine can read it: the gateway process's environment.
 */
export async function gatewayDirect(stack: LocalStack, tenantId: string): Promise<ChatTarget> {
  const { pid, hostPort } = await runningGateway(stack, tenantId);
  const token = readFileSync(`/proc/${pid}/environ`, "utf8")
    .split("\0")
    .find((entry) => entry.startsWith("OPENCLAW_GATEWAY_TOKEN="))
    ?.slice("OPENCLAW_GATEWAY_TOKEN=".length);
  if (!token) throw new Error(`the gateway of tenant ${tenantId} has no OPENCLAW_GATEWAY_TOKEN in its environment`);
  return { url: `http://127.0.0.1:${hostPort}/v1/responses`, headers: { authorization: `Bearer ${token}` } };
}

/**
 * Whether the tenant's own gateway answers a call made with its own token. The runtime
 * decides "ready" from an unauthenticated `/readyz` on the sandbox's port; when another
 * sandbox host on this machine (a colleague's test run) handed the same port to its own
 * gateway, that answer came from a foreign gateway, which refuses this tenant's token.
 */
export async function tenantGatewayAnswers(stack: LocalStack, tenantId: string): Promise<boolean> {
  const response = await runtimeFetch(stack, tenantId, "/v1/sessions");
  await response.body?.cancel();
  return response.ok;
}

export interface Provisioned {
  tenantId: string;
  /** Wall-clock time (epoch ms) the successful attempt was sent, to compare with the sandbox host's timestamps. */
  requestedAt: number;
  /** Provision request to its 201 `running`, for the attempt that got a working gateway. */
  readyMs: number;
  /** Void attempts before it: "running" from a foreign gateway on the same port. */
  discarded: number;
}

const PROVISION_ATTEMPTS = 3;

/**
 * Provisions a fresh tenant (`tenantIdFor(attempt)`). An attempt is discarded and redone
 * under the next id when its "running" came from a foreign gateway.
 */
export async function provisionTenant(stack: LocalStack, tenantIdFor: (attempt: number) => string): Promise<Provisioned> {
  for (let attempt = 0; attempt < PROVISION_ATTEMPTS; attempt++) {
    const tenantId = tenantIdFor(attempt);
    const body = JSON.stringify({ settings: stack.tenantSettings() });
    const requestedAt = Date.now();
    const started = performance.now();
    const status = await expectJson<{ state: string }>(await runtimeFetch(stack, tenantId, "/v1/tenant/provision", { method: "POST", body }), 201);
    const readyMs = performance.now() - started;
    if (status.state !== "running") throw new Error(`tenant ${tenantId} is ${status.state} after provisioning`);
    if (await tenantGatewayAnswers(stack, tenantId)) return { tenantId, requestedAt, readyMs, discarded: attempt };
    await discardTenant(stack, tenantId);
  }
  throw new Error(`${PROVISION_ATTEMPTS} provisions in a row were void (a foreign gateway on the port)`);
}

/** A void attempt's tenant and its sandbox. */
async function discardTenant(stack: LocalStack, tenantId: string): Promise<void> {
  await destroyTenant(stack, tenantId);
  await deleteTenantSandboxes(stack, tenantId);
}

/** Removes the tenant, its sandbox and its backups; a tenant that is already gone is fine. */
export async function destroyTenant(stack: LocalStack, tenantId: string): Promise<void> {
  const response = await runtimeFetch(stack, tenantId, "/v1/tenant?purgeBackups=true", { method: "DELETE" });
  if (response.status === 404) await response.body?.cancel();
  else await expectJson(response);
}
