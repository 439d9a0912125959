import { mkdtempSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PortClaims } from "./port-claims.ts";
import { GATEWAY_CONTAINER_PORT, PortAllocator, PORT_STRIDE, slotBasePorts } from "./ports.ts";

describe("slotBasePorts", () => {
  it("steps by the stride and keeps whole slots inside the range", () => {
    expect(slotBasePorts([30000, 30059], 20)).toEqual([30000, 30020, 30040]);
    expect(slotBasePorts([30000, 30058], 20)).toEqual([30000, 30020]);
    expect(slotBasePorts([30000, 30010], 20)).toEqual([]);
  });
});

describe("PortAllocator", () => {
  it("gives distinct, stable ports with the stride between sandboxes", async () => {
    const ports = new PortAllocator([31000, 31199]);
    const [a, b] = await Promise.all([ports.allocate("a"), ports.allocate("b")]);
    expect(Math.abs(a - b) % PORT_STRIDE).toBe(0);
    expect(a).not.toBe(b);
    expect(await ports.allocate("a")).toBe(a);
    expect(ports.hostPort("a", GATEWAY_CONTAINER_PORT)).toBe(a);
    expect(ports.hostPort("a", 8080)).toBeUndefined();
  });

  it("reuses released slots and reports exhaustion", async () => {
    const ports = new PortAllocator([31200, 31239]);
    await ports.allocate("a");
    await ports.allocate("b");
    await expect(ports.allocate("c")).rejects.toMatchObject({ code: "no_ports_available", status: 429 });
    ports.release("a");
    expect(await ports.allocate("c")).toBe(31200);
  });

  it("skips a slot whose base port is already taken on the machine", async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(31300, "127.0.0.1", resolve));
    try {
      expect(await new PortAllocator([31300, 31339]).allocate("a")).toBe(31320);
    } finally {
      blocker.close();
    }
  });

  it("skips a slot another sandbox host claimed before its gateway listens", async () => {
    const claims = new PortClaims(mkdtempSync(join(tmpdir(), "port-claims-test-")));
    const other = new PortAllocator([31400, 31439], claims);
    const mine = new PortAllocator([31400, 31439], claims);
    expect(await other.allocate("a")).toBe(31400);
    expect(await mine.allocate("a")).toBe(31420);
    other.releaseAll();
    mine.release("a");
    expect(await mine.allocate("b")).toBe(31400);
  });
});
