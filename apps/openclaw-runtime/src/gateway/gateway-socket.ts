import { RuntimeError } from "../http/errors.ts";
import type { SandboxDriver } from "../driver/sandbox-driver.ts";
import { GATEWAY_PORT, gatewayAnswers } from "./gateway-http.ts";
import { watchLiveness, whileAnswering } from "./liveness.ts";

/**
 * Opens a WebSocket to the gateway inside the sandbox (the driver answers an
 * `Upgrade: websocket` fetch with a 101 and a socket). Extra headers such as the
 * client's Origin are passed on, so the gateway applies its own origin policy. A frozen
 * gateway never completes the upgrade: the liveness watch ends the wait with
 * GatewayTimeoutError, as for HTTP calls.
 */
export async function openGatewaySocket(driver: SandboxDriver, path = "/", headers: Record<string, string> = {}): Promise<WebSocket> {
  const watch = watchLiveness((signal) => gatewayAnswers(driver, signal));
  const upgrade = new Request(`http://gateway${path}`, { headers: { ...headers, upgrade: "websocket" }, signal: watch.signal });
  const response = await whileAnswering(watch, driver.fetch(upgrade, GATEWAY_PORT));
  const socket = response.webSocket;
  if (!socket) {
    await response.body?.cancel();
    throw new RuntimeError("gateway_unavailable", 502, `gateway refused the WebSocket (${response.status})`);
  }
  socket.accept();
  return socket;
}
