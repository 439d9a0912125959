import type { GatewayProtocolSocket, GatewayProtocolSocketHandlers } from "@openclaw/gateway-client/browser";

/**
 * The standard WebSocket surface we need: workerd's (`fetch(url, { headers: { Upgrade:
 * "websocket" } })` then `response.webSocket.accept()`, already open), Node 24's global
 * `WebSocket` (connecting), and the browser's all satisfy it.
 */
export type WebSocketLike = {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: "open" | "message" | "close" | "error", listener: (event: any) => void): void;
};

const OPEN = 1;

/**
 * Bridges a host-opened socket to the protocol client's synchronous `createSocket`:
 * opening is asynchronous, so a close requested before the socket exists is applied
 * once it does, and `close` is reported to the client exactly once.
 */
export function adaptSocket(openSocket: () => Promise<WebSocketLike>, handlers: GatewayProtocolSocketHandlers): GatewayProtocolSocket {
  let socket: WebSocketLike | null = null;
  let pendingClose: { code?: number; reason?: string } | null = null;
  let finished = false;
  const finish = (code: number, reason: string) => {
    if (finished) return;
    finished = true;
    handlers.close(code, reason);
  };

  openSocket().then(
    (opened) => {
      socket = opened;
      opened.addEventListener("message", (event) => {
        const text = frameText(event.data);
        if (text !== null) handlers.message(text);
      });
      opened.addEventListener("close", (event) => finish(event.code ?? 1006, event.reason ?? ""));
      opened.addEventListener("error", () => handlers.error(new Error("gateway socket error")));
      if (pendingClose) {
        closeQuietly(opened, pendingClose.code, pendingClose.reason);
        finish(pendingClose.code ?? 1000, pendingClose.reason ?? "");
      } else if (opened.readyState === OPEN) {
        handlers.open();
      } else {
        opened.addEventListener("open", () => handlers.open());
      }
    },
    (error: unknown) => {
      handlers.error(error instanceof Error ? error : new Error(String(error)));
      finish(1006, "gateway socket could not be opened");
    },
  );

  return {
    isOpen: () => socket?.readyState === OPEN,
    send: (data) => {
      if (!socket) throw new Error("gateway socket is not open yet");
      socket.send(data);
    },
    close: (code, reason) => {
      if (socket) closeQuietly(socket, code, reason);
      else pendingClose = { code, reason };
    },
  };
}

/** Gateway frames are JSON text; binary frames are decoded, anything else is not ours. */
export function frameText(data: unknown): string | null {
  if (typeof data === "string") return data;
  if (data instanceof ArrayBuffer) return new TextDecoder().decode(data);
  if (ArrayBuffer.isView(data)) return new TextDecoder().decode(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  return null;
}

/**
 * WHATWG sockets (Node, browsers) reject close codes other than 1000 and 3000-4999 and
 * the protocol client uses 1008/1013; fall back to a plain close rather than throw.
 */
function closeQuietly(socket: WebSocketLike, code: number | undefined, reason: string | undefined): void {
  try {
    socket.close(code, reason);
  } catch {
    try {
      socket.close();
    } catch {
      // already closing
    }
  }
}
