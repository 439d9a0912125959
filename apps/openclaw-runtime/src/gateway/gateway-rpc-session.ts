import { GatewayRpcError, connectGatewayRpc, type GatewayRpc } from "@openclaw-cloud/gateway-rpc";
import { RuntimeError } from "../http/errors.ts";
import type { TenantRuntime } from "../tenant-runtime.ts";
import { openGatewaySocket } from "./gateway-socket.ts";

/**
 * One operator connection per tenant, opened on first use and reused, so pairing
 * calls cost one round trip instead of a handshake (or a CLI exec) each.
 */
const connections = new WeakMap<TenantRuntime, Promise<GatewayRpc>>();

function connection(runtime: TenantRuntime): Promise<GatewayRpc> {
  let pending = connections.get(runtime);
  if (!pending) {
    const driver = runtime.driver();
    pending = connectGatewayRpc({ openSocket: () => openGatewaySocket(driver), token: runtime.gatewayToken });
    connections.set(runtime, pending);
    pending.catch(() => connections.delete(runtime));
  }
  return pending;
}

export function dropGatewayRpc(runtime: TenantRuntime): void {
  const pending = connections.get(runtime);
  connections.delete(runtime);
  pending?.then((rpc) => rpc.close()).catch(() => {});
}

/** Runs `call` over the tenant's operator connection, reconnecting once if it went stale. */
export async function withGatewayRpc<T>(runtime: TenantRuntime, call: (rpc: GatewayRpc) => Promise<T>): Promise<T> {
  await runtime.ensureRunning();
  try {
    return await call(await connection(runtime));
  } catch (error) {
    if (!(error instanceof GatewayRpcError) || error.code !== "unavailable") throw toRuntimeError(error);
    dropGatewayRpc(runtime);
    await runtime.ensureRunning();
    try {
      return await call(await connection(runtime));
    } catch (retryError) {
      throw toRuntimeError(retryError);
    }
  }
}

function toRuntimeError(error: unknown): RuntimeError {
  if (error instanceof RuntimeError) return error;
  if (!(error instanceof GatewayRpcError)) return new RuntimeError("gateway_unavailable", 502, `gateway call failed: ${(error as Error).message}`);
  switch (error.code) {
    case "not_found":
      return new RuntimeError("pairing_request_not_found", 404, "no pending pairing request with that id");
    case "invalid_request":
      return new RuntimeError("invalid_request", 400, error.message);
    default:
      return new RuntimeError("gateway_unavailable", 502, `gateway call failed: ${error.message}`);
  }
}
