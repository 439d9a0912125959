import { SANDBOX_LAYOUT } from "@openclaw-cloud/contracts";
import { RuntimeError } from "../http/errors.ts";
import type { SandboxDriver } from "../driver/sandbox-driver.ts";
import { isReadyAnswer } from "./readiness.ts";
import { GatewayTimeoutError, LIVENESS_TIMING, bodyWhileAnswering, probeWithin, watchLiveness } from "./liveness.ts";

/** Port the gateway listens on inside the sandbox (the Dockerfile's GATEWAY_PORT). */
export const GATEWAY_PORT = SANDBOX_LAYOUT.gatewayPort;
/** Answers 200 once startup is complete and agents are admitted (docs/gateway/health.md); see readiness.ts for channels. */
export const GATEWAY_READY_PATH = "/readyz";

/** Session-key namespaces the gateway reserves for itself (docs/gateway/openresponses-http-api.md). */
const RESERVED_SESSION_PREFIXES = ["subagent:", "cron:", "acp:"];

export function isReservedSessionKey(key: string): boolean {
  const lower = key.toLowerCase();
  return RESERVED_SESSION_PREFIXES.some((prefix) => lower.startsWith(prefix) || lower.includes(`:${prefix}`));
}

/** The host part is never resolved: drivers route by port into the tenant's own sandbox. */
export function gatewayRequest(path: string, token: string | undefined, init: RequestInit & { headers?: Record<string, string> } = {}): Request {
  return new Request(`http://gateway${path}`, {
    ...init,
    headers: token === undefined ? { ...init.headers } : { ...init.headers, authorization: `Bearer ${token}` },
  });
}

/** Nothing answered on the gateway's port: the process is gone or not listening. */
export class GatewayUnreachableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "GatewayUnreachableError";
  }
}

export function toUnavailable(error: GatewayUnreachableError): RuntimeError {
  return new RuntimeError("gateway_unavailable", 503, `gateway did not answer: ${error.message}`);
}

export function toTimeout(error: Error): RuntimeError {
  return new RuntimeError("gateway_timeout", 504, `the gateway is not answering (${error.message}); it is restarted if it stays so`);
}

/**
 * Sends a request to the gateway. Connection failures (thrown by the driver, or the
 * sandbox's own "nothing listens there" answer) become GatewayUnreachableError so the
 * runtime can tell "gateway gone" from "gateway said no". While the answer (headers and
 * body) is awaited the gateway is probed beside it (liveness.ts): one that stops answering
 * ends the call with GatewayTimeoutError instead of holding it for as long as the client waits.
 */
export async function callGateway(driver: SandboxDriver, request: Request): Promise<Response> {
  const watch = watchLiveness((signal) => gatewayAnswers(driver, signal));
  let response: Response;
  try {
    response = await Promise.race([driver.fetch(new Request(request, { signal: watch.signal }), GATEWAY_PORT), watch.failed]);
  } catch (error) {
    watch.stop();
    throw error instanceof GatewayTimeoutError ? error : new GatewayUnreachableError((error as Error).message);
  }
  if (await driver.isUnreachable(response)) {
    watch.stop();
    throw new GatewayUnreachableError(`nothing listens on port ${GATEWAY_PORT}`);
  }
  if (!response.body) {
    watch.stop();
    return response;
  }
  return new Response(bodyWhileAnswering(response.body, watch), response);
}

/** Whether anything on the gateway's port answers HTTP at all (a liveness probe, not readiness). */
export async function gatewayAnswers(driver: SandboxDriver, signal?: AbortSignal): Promise<boolean> {
  const response = await driver.fetch(new Request(`http://gateway${GATEWAY_READY_PATH}`, { signal }), GATEWAY_PORT);
  const unreachable = await driver.isUnreachable(response);
  await response.body?.cancel();
  return !unreachable;
}

/** One liveness probe with its timeout: false when the gateway is gone or frozen. */
export function gatewayAnswersInTime(driver: SandboxDriver): Promise<boolean> {
  return probeWithin((signal) => gatewayAnswers(driver, signal), LIVENESS_TIMING.probeTimeoutMs);
}

/**
 * Bounds the probes a start polls with and a broken call checks with. Longer than a liveness
 * probe: a fresh gateway on a busy machine can take several seconds over its first answers,
 * and a start has its own overall deadline anyway.
 */
const READINESS_PROBE_TIMEOUT_MS = 15_000;

/** Readiness (see readiness.ts), within READINESS_PROBE_TIMEOUT_MS. */
export function isGatewayReady(driver: SandboxDriver, token?: string): Promise<boolean> {
  return probeWithin((signal) => readyAnswer(driver, signal, token), READINESS_PROBE_TIMEOUT_MS);
}

async function readyAnswer(driver: SandboxDriver, signal: AbortSignal, token?: string): Promise<boolean> {
  try {
    // With the token the answer names what is failing (local or authenticated callers only).
    const request = token ? gatewayRequest(GATEWAY_READY_PATH, token, { signal }) : new Request(`http://gateway${GATEWAY_READY_PATH}`, { signal });
    const response = await driver.fetch(request, GATEWAY_PORT);
    if (response.status === 200) {
      await response.body?.cancel();
      return true;
    }
    return isReadyAnswer(response.status, await response.json().catch(() => null));
  } catch {
    return false;
  }
}

/**
 * Whether the gateway on the port accepts this token, within READINESS_PROBE_TIMEOUT_MS. The
 * gateway checks the token before it reads the body, so a tool call that names no tool gets
 * a 400 from a gateway that took the token and a 401 from one that did not, and runs nothing.
 * (A real tool was 1-2 s on a waking gateway: its first session list reads every session.)
 */
export function acceptsToken(driver: SandboxDriver, token: string): Promise<boolean> {
  return probeWithin((signal) => tokenAccepted(driver, token, signal), READINESS_PROBE_TIMEOUT_MS);
}

async function tokenAccepted(driver: SandboxDriver, token: string, signal: AbortSignal): Promise<boolean> {
  try {
    const response = await driver.fetch(gatewayRequest("/tools/invoke", token, { method: "POST", headers: { "content-type": "application/json" }, body: "{}", signal }), GATEWAY_PORT);
    await response.body?.cancel();
    return response.status !== 401 && response.status !== 403 && response.status < 500;
  } catch {
    return false;
  }
}

export interface ToolInvocation {
  tool: string;
  action?: string;
  args?: Record<string, unknown>;
  sessionKey?: string;
}

/** `POST /tools/invoke`, mapping the gateway's statuses onto our stable error codes. */
export async function invokeTool(driver: SandboxDriver, token: string, invocation: ToolInvocation): Promise<unknown> {
  const response = await callGateway(
    driver,
    gatewayRequest("/tools/invoke", token, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(invocation),
    }),
  );
  const text = await response.text();
  let payload: { ok?: boolean; result?: unknown; error?: { type?: string; message?: string } } = {};
  try {
    payload = JSON.parse(text);
  } catch {
    // non-JSON answers are classified by status below
  }
  if (response.ok && payload.ok) return payload.result;
  const message = payload.error?.message ?? (text.slice(0, 200) || `gateway answered ${response.status}`);
  if (response.status === 404) throw new RuntimeError("unknown_tool", 404, `tool "${invocation.tool}" is not available`);
  if (response.status === 403) throw new RuntimeError("tool_denied", 403, message);
  if (response.status === 400) throw new RuntimeError("invalid_request", 400, message);
  throw new RuntimeError("gateway_unavailable", 502, `tool call failed: ${message}`);
}
