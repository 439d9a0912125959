import { readFileSync } from "node:fs";
import { processLinks, treeMembers } from "./process-tree.ts";

/** What reading a gateway's environment needs from a stack: where its sandbox host is and its secret. */
export interface SandboxHostAccess {
  sandboxHostUrl: string;
  secrets: { sandboxHostSecret: string };
}

async function hostJson<T>(stack: SandboxHostAccess, path: string): Promise<T> {
  const response = await fetch(`${stack.sandboxHostUrl}${path}`, { headers: { authorization: `Bearer ${stack.secrets.sandboxHostSecret}` } });
  if (!response.ok) throw new Error(`sandbox host ${path}: ${response.status}`);
  return (await response.json()) as T;
}

/**
 * The sandboxes on the host that belong to the tenant, newest first: its first one is named
 * after it, each restore moves it to `<tenant>--<n>` (the runtime's lifecycle/sandbox-generation.ts).
 */
export async function tenantSandboxIds(stack: SandboxHostAccess, tenantId: string): Promise<string[]> {
  const { sandboxes } = await hostJson<{ sandboxes: string[] }>(stack, "/sandboxes");
  const generation = (id: string) => (id === tenantId ? 0 : id.startsWith(`${tenantId}--`) ? Number(id.slice(tenantId.length + 2)) : Number.NaN);
  return sandboxes.filter((id) => Number.isInteger(generation(id))).sort((a, b) => generation(b) - generation(a));
}

/** The running gateway of one sandbox: its OS pid and the host port its gateway port maps to; null when none runs. */
async function sandboxGateway(stack: SandboxHostAccess, sandboxId: string): Promise<{ pid: number; hostPort: number } | null> {
  const { gatewayPort, processes } = await hostJson<{ gatewayPort: number | null; processes: Array<{ id: string; pid: number | null; status: string }> }>(
    stack,
    `/sandboxes/${encodeURIComponent(sandboxId)}`,
  );
  const pid = processes.find((process) => process.id === "gateway" && process.status === "running")?.pid;
  return pid && gatewayPort ? { pid, hostPort: gatewayPort } : null;
}

/**
 * The tenant's running gateway process: its OS pid, the host port the sandbox host maps the
 * gateway's port to, and its sandbox (the newest with a running gateway; a restore's old
 * one may still run while it drains).
 */
export async function runningGateway(stack: SandboxHostAccess, tenantId: string): Promise<{ pid: number; hostPort: number; sandboxId: string }> {
  for (const sandboxId of await tenantSandboxIds(stack, tenantId)) {
    const gateway = await sandboxGateway(stack, sandboxId);
    if (gateway) return { ...gateway, sandboxId };
  }
  throw new Error(`tenant ${tenantId} has no running gateway`);
}

function processEnvironment(pid: number): string[] {
  return readFileSync(`/proc/${pid}/environ`, "utf8").split("\0");
}

/**
 * The environment of a tenant's running gateway process, read from /proc (same user,
 * same machine): what the tests scan answers for, since it holds the gateway token and the
 * provider keys exactly as the gateway got them.
 */
export async function gatewayEnvironment(stack: SandboxHostAccess, tenantId: string): Promise<string[]> {
  return processEnvironment((await runningGateway(stack, tenantId)).pid);
}

/**
 * The environment of every process running in any sandbox on the host, by OS pid: the
 * processes the sandbox host started, their process groups and all their descendants (what a tenant's agent can
 * run and read). For scans that a secret is in none of them.
 */
export async function sandboxProcessEnvironments(stack: SandboxHostAccess): Promise<Map<number, string[]>> {
  const roots: number[] = [];
  const { sandboxes } = await hostJson<{ sandboxes: string[] }>(stack, "/sandboxes");
  for (const sandboxId of sandboxes) {
    const { processes } = await hostJson<{ processes: Array<{ pid: number | null; status: string }> }>(stack, `/sandboxes/${encodeURIComponent(sandboxId)}`);
    for (const process of processes) if (process.pid && process.status === "running") roots.push(process.pid);
  }
  const environments = new Map<number, string[]>();
  for (const pid of treeMembers(roots, processLinks())) {
    try {
      environments.set(pid, processEnvironment(pid));
    } catch {
      // exited meanwhile
    }
  }
  return environments;
}

const TOKEN_ENTRY = "OPENCLAW_GATEWAY_TOKEN=";

function tokenIn(environment: readonly string[]): string | null {
  return environment.find((entry) => entry.startsWith(TOKEN_ENTRY))?.slice(TOKEN_ENTRY.length) ?? null;
}

/** The gateway token as the tenant's running gateway process itself holds it; null if it has none. */
export async function gatewayToken(stack: SandboxHostAccess, tenantId: string): Promise<string | null> {
  return tokenIn(await gatewayEnvironment(stack, tenantId));
}

/** The gateway token of every gateway running now, by sandbox id (a tenant's first sandbox is named after it). */
export async function runningGatewayTokens(stack: SandboxHostAccess): Promise<Record<string, string>> {
  const { sandboxes } = await hostJson<{ sandboxes: string[] }>(stack, "/sandboxes");
  const tokens: Record<string, string> = {};
  for (const sandboxId of sandboxes) {
    const token = await sandboxGatewayToken(stack, sandboxId).catch(() => null); // gone meanwhile: none
    if (token) tokens[sandboxId] = token;
  }
  return tokens;
}

async function sandboxGatewayToken(stack: SandboxHostAccess, sandboxId: string): Promise<string | null> {
  const gateway = await sandboxGateway(stack, sandboxId);
  return gateway ? tokenIn(processEnvironment(gateway.pid)) : null;
}
