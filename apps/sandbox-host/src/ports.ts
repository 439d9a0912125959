import { createServer } from "node:net";
import { SANDBOX_LAYOUT } from "@openclaw-cloud/contracts";
import { HttpError } from "./errors.ts";
import { PortClaims } from "./port-claims.ts";

/** The port the OpenClaw gateway listens on inside a production container. */
export const GATEWAY_CONTAINER_PORT = SANDBOX_LAYOUT.gatewayPort;
/** The Sandbox SDK's control port in the container (its API server listens on 3000). */
export const CONTROL_CONTAINER_PORT = 3000;

/** OpenClaw derives companion ports (browser control = base + 2, ...) from its gateway port. */
export const PORT_STRIDE = 20;

export const DEFAULT_PORT_RANGE: [number, number] = [20000, 21999];

/** Base ports of every slot in an inclusive range, each slot owning `stride` ports. */
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
 * Hands each sandbox a stable host port for its gateway (like `docker -p`), skipping slots
 * whose base port something else on the machine already holds or another sandbox host has
 * claimed (`PortClaims`).
 */
export class PortAllocator {
  readonly #bases: number[];
  readonly #bySandbox = new Map<string, number>();
  readonly #pending = new Map<string, Promise<number>>();
  readonly #taken = new Set<number>();
  readonly #claims: PortClaims;

  constructor(range: [number, number], claims: PortClaims = new PortClaims()) {
    this.#claims = claims;
    this.#bases = slotBasePorts(range, PORT_STRIDE);
    if (this.#bases.length === 0) throw new Error(`port range ${range.join("-")} holds no slot of ${PORT_STRIDE} ports`);
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
    return containerPort === GATEWAY_CONTAINER_PORT ? this.#bySandbox.get(sandboxId) : undefined;
  }

  async #claim(sandboxId: string): Promise<number> {
    for (const base of this.#bases) {
      if (this.#taken.has(base)) continue;
      this.#taken.add(base); // reserve before the async probe so concurrent claims skip it
      if (this.#claims.claim(base)) {
        if (await isPortFree(base)) {
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
