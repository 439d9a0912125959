import { GatewayRpcError, connectGatewayRpc, relayUpstreamHeaders, type GatewayRpc } from "@openclaw-cloud/gateway-rpc";
import { RuntimeError } from "../http/errors.ts";
import type { GatewayTenant } from "../tenant.ts";
import { openGatewaySocket } from "./gateway-socket.ts";
import { gatewayAnswers, toTimeout } from "./gateway-http.ts";
import { GatewayTimeoutError, watchLiveness, whileAnswering } from "./liveness.ts";

/**
 * One operator connection per tenant, opened on first use and reused, so pairing
 * calls cost one round trip instead of a handshake (or a CLI exec) each.
 */
const connections = new WeakMap<GatewayTenant, Promise<GatewayRpc>>();

function connection(runtime: GatewayTenant): Promise<GatewayRpc> {
  let pending = connections.get(runtime);
  if (!pending) {
    pending = connectAsOperator(runtime);
    connections.set(runtime, pending);
    pending.catch(() => connections.delete(runtime));
  }
  return pending;
}

/**
 * The runtime is an operator device of its tenant's gateway, with its own key. Its
 * connections say they are proxied (X-Forwarded-For), so the gateway treats them as
 * remote here exactly as it must in production, where they arrive through the
 * container's ingress. The first connection of a new key is a pairing request; the
 * runtime approves it once from inside the sandbox over loopback (the launcher's
 * `approve-device`), and the pairing then lives in the gateway's state and backups.
 */
async function connectAsOperator(runtime: GatewayTenant): Promise<GatewayRpc> {
  const driver = runtime.driver();
  const device = await runtime.operatorDeviceKey();
  const connect = () => connectGatewayRpc({ openSocket: () => openGatewaySocket(driver, "/", relayUpstreamHeaders(null)), token: runtime.gatewayToken, device });
  try {
    return await connect();
  } catch (error) {
    const requestId = error instanceof GatewayRpcError && error.code === "pairing_required" ? (error.details as { requestId?: unknown } | undefined)?.requestId : undefined;
    if (typeof requestId !== "string") throw error;
    const approved = await driver.exec(["openclaw-cloud-gateway", "approve-device", "--request-id", requestId], {
      env: { OPENCLAW_CLOUD_GATEWAY_TOKEN: runtime.gatewayToken },
      timeoutMs: 60_000,
    });
    if (approved.exitCode !== 0) {
      throw new RuntimeError("gateway_unavailable", 502, `could not admit the runtime's operator device: ${approved.stderr.trim().split("\n").at(-1) ?? ""}`);
    }
    return connect();
  }
}

/**
 * Opens the operator connection in the background if the gateway runs and none is open:
 * it is the tenant's exec approval client (see connect-params.ts), and the gateway denies
 * an exec approval at once when no such client is connected. Called where a turn can ask
 * for one (each chat turn through the runtime, a finished provision); never fails the caller.
 */
export function keepApprovalClient(runtime: GatewayTenant): void {
  if (runtime.state.name !== "running") return;
  runtime.waitUntil(
    connection(runtime).then(
      () => {},
      (error: unknown) => console.error("could not open the gateway's approval client", error instanceof Error ? error.message : String(error)),
    ),
  );
}

export function dropGatewayRpc(runtime: GatewayTenant): void {
  const pending = connections.get(runtime);
  connections.delete(runtime);
  pending?.then((rpc) => rpc.close()).catch(() => {});
}

const PAIRING_NOT_FOUND = () => new RuntimeError("pairing_request_not_found", 404, "no pending pairing request with that id");

/**
 * Runs `call` over the tenant's operator connection, reconnecting once if it went stale.
 * `notFound` is the error for the gateway's "no such id" (a pairing request by default).
 * A gateway that stops answering meanwhile ends the call with `504 gateway_timeout` and
 * drops the connection, as HTTP calls do (liveness.ts).
 */
export async function withGatewayRpc<T>(runtime: GatewayTenant, call: (rpc: GatewayRpc) => Promise<T>, notFound: () => RuntimeError = PAIRING_NOT_FOUND): Promise<T> {
  const release = runtime.hold();
  try {
    return await withGatewayRpcHeld(runtime, call, notFound);
  } finally {
    release();
  }
}

async function withGatewayRpcHeld<T>(runtime: GatewayTenant, call: (rpc: GatewayRpc) => Promise<T>, notFound: () => RuntimeError): Promise<T> {
  await runtime.ensureRunning();
  try {
    return await watched(runtime, call);
  } catch (error) {
    // A call that timed out left a socket that may be dead while the gateway is fine: one
    // retry on a fresh connection tells the two apart.
    if (!(error instanceof GatewayRpcError) || (error.code !== "unavailable" && error.code !== "timeout")) throw await toRuntimeError(runtime, error, notFound);
    dropGatewayRpc(runtime);
    // As for HTTP calls (GatewayTenant.withGateway): a gateway found dead is recorded, so the
    // ensureRunning below starts it again instead of retrying a corpse.
    if (error.code === "unavailable") await runtime.gatewayBroke(error);
    await runtime.ensureRunning();
    try {
      return await watched(runtime, call);
    } catch (retryError) {
      throw await toRuntimeError(runtime, retryError, notFound);
    }
  }
}

async function watched<T>(runtime: GatewayTenant, call: (rpc: GatewayRpc) => Promise<T>): Promise<T> {
  const driver = runtime.driver();
  const result = await whileAnswering(
    watchLiveness((signal) => gatewayAnswers(driver, signal)),
    connection(runtime).then(call),
  );
  await runtime.gatewayAnswered();
  return result;
}

async function toRuntimeError(runtime: GatewayTenant, error: unknown, notFound: () => RuntimeError): Promise<RuntimeError> {
  if (error instanceof RuntimeError) return error;
  if (error instanceof GatewayTimeoutError || (error instanceof GatewayRpcError && error.code === "timeout")) {
    dropGatewayRpc(runtime);
    await runtime.gatewayNotAnswering();
    return toTimeout(error);
  }
  if (!(error instanceof GatewayRpcError)) return new RuntimeError("gateway_unavailable", 502, `gateway call failed: ${(error as Error).message}`);
  switch (error.code) {
    case "not_found":
      return notFound();
    case "invalid_request":
      return new RuntimeError("invalid_request", 400, error.message);
    default:
      return new RuntimeError("gateway_unavailable", 502, `gateway call failed: ${error.message}`);
  }
}
