import { readFileSync } from "node:fs";
import { SANDBOX_LAYOUT } from "@openclaw-cloud/contracts";

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

interface SandboxInfo {
  gatewayPorts: number[] | null;
  processes: Array<{ id: string; pid: number | null; status: string }>;
}

/**
 * The tenant's serving gateway: the one running process of its two gateway slots
 * (SANDBOX_LAYOUT.gatewaySlots; slot 1 serves after a restore), its OS pid, and the host
 * port the sandbox host maps that slot to.
 */
export async function servingGateway(stack: SandboxHostAccess, tenantId: string): Promise<{ slot: number; pid: number; hostPort: number }> {
  const { gatewayPorts, processes } = await hostJson<SandboxInfo>(stack, `/sandboxes/${encodeURIComponent(tenantId)}`);
  for (const [slot, { processId }] of SANDBOX_LAYOUT.gatewaySlots.entries()) {
    const pid = processes.find((process) => process.id === processId && process.status === "running")?.pid;
    const hostPort = gatewayPorts?.[slot];
    if (pid && hostPort) return { slot, pid, hostPort };
  }
  throw new Error(`tenant ${tenantId} has no running gateway`);
}

/**
 * The environment of a tenant's serving gateway process, read from /proc (same user,
 * same machine): what the tests scan answers for, since it holds the gateway token and the
 * provider keys exactly as the gateway got them.
 */
export async function gatewayEnvironment(stack: SandboxHostAccess, tenantId: string): Promise<string[]> {
  const { pid } = await servingGateway(stack, tenantId);
  return readFileSync(`/proc/${pid}/environ`, "utf8").split("\0");
}

const TOKEN_ENTRY = "OPENCLAW_GATEWAY_TOKEN=";

/** The gateway token as the tenant's running gateway process itself holds it; null if it has none. */
export async function gatewayToken(stack: SandboxHostAccess, tenantId: string): Promise<string | null> {
  const environment = await gatewayEnvironment(stack, tenantId);
  return environment.find((entry) => entry.startsWith(TOKEN_ENTRY))?.slice(TOKEN_ENTRY.length) ?? null;
}

/** The gateway token of every tenant whose gateway runs now, by tenant id. */
export async function runningGatewayTokens(stack: SandboxHostAccess): Promise<Record<string, string>> {
  const { sandboxes } = await hostJson<{ sandboxes: string[] }>(stack, "/sandboxes");
  const tokens: Record<string, string> = {};
  for (const tenantId of sandboxes) {
    const token = await gatewayToken(stack, tenantId).catch(() => null);
    if (token) tokens[tenantId] = token;
  }
  return tokens;
}
