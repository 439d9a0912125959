import { createServer } from "node:net";
import { SANDBOX_LAYOUT } from "@openclaw-cloud/contracts";
import { HttpError } from "./errors.ts";
import { PortClaims } from "./port-claims.ts";

/** The ports the gateway slots listen on inside a production container (SANDBOX_LAYOUT.gatewaySlots). */
export const GATEWAY_CONTAINER_PORTS: readonly number[] = SANDBOX_LAYOUT.gatewaySlots.map((slot) => slot.port);
/** The Sandbox SDK's control port in the container (its API server listens on 3000). */
export const CONTROL_CONTAINER_PORT = 3000;

/** OpenClaw derives companion ports (browser control = base + 2, ...) from its gateway port. */
export const PORT_STRIDE = 20;

/** Host ports a sandbox holds: one stride per gateway slot. */
const SANDBOX_PORT_SPAN = PORT_STRIDE * GATEWAY_CONTAINER_PORTS.length;

/** The host ports of a sandbox's gateway slots, in slot order, from its base port. */
export function slotHostPorts(base: number): number[] {
  return GATEWAY_CONTAINER_PORTS.map((_, index) => base + index * PORT_STRIDE);
}

export const DEFAULT_PORT_RANGE: [number, number] = [20000, 21999];

/** Base ports of every allocation in an inclusive range, each owning `stride` ports. */
export function slotBasePorts([first, last]: [number, number], stride: number): number[] {
  const bases: number[] = [];
  for (let base = first; base + stride - 1 <= last; base += stride) bases.push(base);
  return bases;
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen({ port, host: "127.0.0.1", exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

/**
 * Hands each sandbox stable host ports for its gateway slots (like `docker -p`): a base port,
 * slot k at base + k * PORT_STRIDE. Skips bases where something else on the machine already
 * holds a slot's port or another sandbox host has claimed the base (`PortClaims`).
 */
export class PortAllocator {
  readonly #bases: number[];
  readonly #bySandbox = new Map<string, number>();
  readonly #pending = new Map<string, Promise<number>>();
  readonly #taken = new Set<number>();
  readonly #claims: PortClaims;

  constructor(range: [number, number], claims: PortClaims = new PortClaims()) {
    this.#claims = claims;
    this.#bases = slotBasePorts(range, SANDBOX_PORT_SPAN);
    if (this.#bases.length === 0) throw new Error(`port range ${range.join("-")} holds no block of ${SANDBOX_PORT_SPAN} ports`);
  }

  get capacity(): number {
    return this.#bases.length;
  }

  get(sandboxId: string): number | undefined {
    return this.#bySandbox.get(sandboxId);
  }

  allocate(sandboxId: string): Promise<number> {
    const known = this.#bySandbox.get(sandboxId);
    if (known !== undefined) return Promise.resolve(known);
    let pending = this.#pending.get(sandboxId);
    if (!pending) {
      pending = this.#claim(sandboxId).finally(() => this.#pending.delete(sandboxId));
      this.#pending.set(sandboxId, pending);
    }
    return pending;
  }

  release(sandboxId: string): void {
    const port = this.#bySandbox.get(sandboxId);
    if (port === undefined) return;
    this.#bySandbox.delete(sandboxId);
    this.#taken.delete(port);
    this.#claims.release(port);
  }

  /** On shutdown: every slot back to the machine. */
  releaseAll(): void {
    for (const sandboxId of [...this.#bySandbox.keys()]) this.release(sandboxId);
  }

  /** Maps a container port to its host port, or undefined when the port is not exposed. */
  hostPort(sandboxId: string, containerPort: number): number | undefined {
    const base = this.#bySandbox.get(sandboxId);
    const slot = GATEWAY_CONTAINER_PORTS.indexOf(containerPort);
    return base === undefined || slot === -1 ? undefined : slotHostPorts(base)[slot];
  }

  async #claim(sandboxId: string): Promise<number> {
    for (const base of this.#bases) {
      if (this.#taken.has(base)) continue;
      this.#taken.add(base); // reserve before the async probe so concurrent claims skip it
      if (this.#claims.claim(base)) {
        if ((await Promise.all(slotHostPorts(base).map(isPortFree))).every(Boolean)) {
          this.#bySandbox.set(sandboxId, base);
          return base;
        }
        this.#claims.release(base);
      }
      this.#taken.delete(base);
    }
    throw new HttpError("no_ports_available", 429, "every port slot in the configured range is in use");
  }
}
