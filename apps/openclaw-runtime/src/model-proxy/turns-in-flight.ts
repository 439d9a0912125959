import { TURN_SURFACES, type ModelCallSurface, type TurnSurface } from "@openclaw-cloud/contracts";
import { CountedLeases } from "../lifecycle/counted-leases.ts";

/**
 * The API's turns running on the tenant's gateway now, by surface (website, API, threads),
 * so a model call checked meanwhile can be billed to the surface it most likely serves
 * (contracts' MODEL_CALL_SURFACES says how). Turns live in memory: a turn does not outlive
 * the Durable Object instance that forwards its stream.
 */
export class TurnsInFlight {
  readonly #running = new CountedLeases<TurnSurface>();

  /** Counts a turn from `surface` until the returned function is called (idempotent); a turn with no surface is not counted. */
  begin(surface: TurnSurface | null): () => void {
    if (!surface) return () => {};
    const release = this.#running.acquire(surface);
    return () => void release();
  }

  /** What a model call made now is billed to. */
  surface(): ModelCallSurface {
    const surfaces = this.#running.keys();
    if (surfaces.length === 0) return "gateway";
    return surfaces.length === 1 ? (surfaces[0] as TurnSurface) : "several";
  }
}

/** The surface the API named for a turn (TURN_SURFACE_HEADER); null when absent or unknown. */
export function parseTurnSurface(header: string | undefined | null): TurnSurface | null {
  return (TURN_SURFACES as readonly string[]).includes(header ?? "") ? (header as TurnSurface) : null;
}
