import type { GatewayProtocolSocketHandlers } from "@openclaw/gateway-client/browser";
import { describe, expect, it, vi } from "vitest";
import { adaptSocket, frameText } from "./socket-adapter.ts";
import type { WebSocketLike } from "./socket-adapter.ts";

class FakeSocket implements WebSocketLike {
  readyState: number;
  readonly sent: string[] = [];
  readonly closes: Array<[number | undefined, string | undefined]> = [];
  private readonly listeners = new Map<string, Array<(event: any) => void>>();
  /** Mimics WHATWG sockets, which reject protocol-reserved close codes. */
  strictCloseCodes = false;
  constructor(readyState: number) {
    this.readyState = readyState;
  }
  addEventListener(type: string, listener: (event: any) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  send(data: string): void {
    this.sent.push(data);
  }
  close(code?: number, reason?: string): void {
    if (this.strictCloseCodes && code !== undefined && code !== 1000 && (code < 3000 || code > 4999)) throw new Error("InvalidAccessError");
    this.closes.push([code, reason]);
  }
  emit(type: string, event: unknown = {}): void {
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }
}

function handlers() {
  return { open: vi.fn(), message: vi.fn(), close: vi.fn(), error: vi.fn() } satisfies GatewayProtocolSocketHandlers;
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("adaptSocket", () => {
  it("reports an already-open socket (workerd's accepted socket) as open at once", async () => {
    const socket = new FakeSocket(1);
    const h = handlers();
    const adapted = adaptSocket(async () => socket, h);
    await settled();
    expect(h.open).toHaveBeenCalledOnce();
    expect(adapted.isOpen()).toBe(true);
    adapted.send("x");
    expect(socket.sent).toEqual(["x"]);
  });

  it("waits for the open event of a connecting socket (Node's global WebSocket)", async () => {
    const socket = new FakeSocket(0);
    const h = handlers();
    adaptSocket(async () => socket, h);
    await settled();
    expect(h.open).not.toHaveBeenCalled();
    socket.readyState = 1;
    socket.emit("open");
    expect(h.open).toHaveBeenCalledOnce();
  });

  it("passes text frames and decodes binary ones", async () => {
    const socket = new FakeSocket(1);
    const h = handlers();
    adaptSocket(async () => socket, h);
    await settled();
    socket.emit("message", { data: '{"a":1}' });
    socket.emit("message", { data: new TextEncoder().encode('{"b":2}') });
    expect(h.message.mock.calls).toEqual([['{"a":1}'], ['{"b":2}']]);
  });

  it("reports close exactly once", async () => {
    const socket = new FakeSocket(1);
    const h = handlers();
    adaptSocket(async () => socket, h);
    await settled();
    socket.emit("close", { code: 1012, reason: "restart" });
    socket.emit("close", { code: 1006, reason: "" });
    expect(h.close.mock.calls).toEqual([[1012, "restart"]]);
  });

  it("applies a close requested before the socket existed, instead of opening", async () => {
    const socket = new FakeSocket(1);
    const h = handlers();
    const adapted = adaptSocket(async () => socket, h);
    adapted.close(4000, "stopped");
    await settled();
    expect(socket.closes).toEqual([[4000, "stopped"]]);
    expect(h.open).not.toHaveBeenCalled();
    expect(h.close).toHaveBeenCalledWith(4000, "stopped");
  });

  it("reports a failed open as an error and a close", async () => {
    const h = handlers();
    const adapted = adaptSocket(() => Promise.reject(new Error("refused")), h);
    await settled();
    expect(h.error).toHaveBeenCalledWith(new Error("refused"));
    expect(h.close).toHaveBeenCalledOnce();
    expect(adapted.isOpen()).toBe(false);
    expect(() => adapted.send("x")).toThrow(/not open/);
  });

  it("falls back to a plain close when the socket rejects the protocol's close code", async () => {
    const socket = new FakeSocket(1);
    socket.strictCloseCodes = true;
    const adapted = adaptSocket(async () => socket, handlers());
    await settled();
    adapted.close(1008, "connect failed");
    expect(socket.closes).toEqual([[undefined, undefined]]);
  });
});

describe("frameText", () => {
  it("ignores data that is neither text nor bytes", () => {
    expect(frameText({ size: 3 })).toBeNull();
    expect(frameText(new ArrayBuffer(0))).toBe("");
  });
});
