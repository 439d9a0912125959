import { RuntimeError } from "../http/errors.ts";
import type { SandboxDriver } from "../driver/sandbox-driver.ts";
import { GATEWAY_PORT } from "./gateway-http.ts";

/**
 * Opens a WebSocket to the gateway inside the sandbox (the driver answers an
 * `Upgrade: websocket` fetch with a 101 and a socket). Extra headers such as the
 * client's Origin are passed on, so the gateway applies its own origin policy.
 */
export async function openGatewaySocket(driver: SandboxDriver, path = "/", headers: Record<string, string> = {}): Promise<WebSocket> {
  const response = await driver.fetch(new Request(`http://gateway${path}`, { headers: { ...headers, upgrade: "websocket" } }), GATEWAY_PORT);
  const socket = response.webSocket;
  if (!socket) {
    await response.body?.cancel();
    throw new RuntimeError("gateway_unavailable", 502, `gateway refused the WebSocket (${response.status})`);
  }
  socket.accept();
  return socket;
}
