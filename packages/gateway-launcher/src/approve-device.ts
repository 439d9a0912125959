import { connectGatewayRpc, type PairedDevice } from "@openclaw-cloud/gateway-rpc";
import { UsageError } from "./errors.ts";
import { INPUT_ENV } from "./launcher-env.ts";

/**
 * Approves one device pairing request from inside the sandbox. The connection is direct
 * loopback with the shared token, which OpenClaw trusts as its local backend client; the
 * runtime uses this once to admit its own operator device, whose later connections
 * arrive through a proxy and so need a paired identity.
 */
export async function approveDeviceLocally(gatewayPort: number, env: Readonly<Record<string, string | undefined>>, requestId: string): Promise<PairedDevice> {
  const token = env[INPUT_ENV.gatewayToken];
  if (!token) throw new UsageError(`${INPUT_ENV.gatewayToken} must be set`);
  const rpc = await connectGatewayRpc({ openSocket: async () => new WebSocket(`ws://127.0.0.1:${gatewayPort}`), token });
  try {
    return await rpc.approveDevicePairing(requestId);
  } finally {
    rpc.close();
  }
}
