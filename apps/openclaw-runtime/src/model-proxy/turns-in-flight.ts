import { TURN_SURFACES, type ModelCallSurface, type TurnSurface } from "@openclaw-cloud/contracts";

/**
 * The API's turns running on the tenant's gateway now, by surface (website, API, threads),
 * so a model call checked meanwhile can be billed to the surface it most likely serves
 * (contracts' MODEL_CALL_SURFACES says how). Turns live in memory: a turn does not outlive
 * the Durable Object instance that forwards its stream.
 */
export class TurnsInFlight {
  readonly #running = new Map<TurnSurface, number>();

  /** Counts a turn from `surface` until the returned function is called (idempotent); a turn with no surface is not counted. */
  begin(surface: TurnSurface | null): () => void {
    if (!surface) return () => {};
    this.#running.set(surface, (this.#running.get(surface) ?? 0) + 1);
    let running = true;
    return () => {
      if (!running) return;
      running = false;
      const left = (this.#running.get(surface) ?? 1) - 1;
      if (left > 0) this.#running.set(surface, left);
      else this.#running.delete(surface);
    };
  }

  /** What a model call made now is billed to. */
  surface(): ModelCallSurface {
    const surfaces = [...this.#running.keys()];
    if (surfaces.length === 0) return "gateway";
    return surfaces.length === 1 ? (surfaces[0] as TurnSurface) : "several";
  }
}

/** The surface the API named for a turn (TURN_SURFACE_HEADER); null when absent or unknown. */
export function parseTurnSurface(header: string | undefined | null): TurnSurface | null {
  return (TURN_SURFACES as readonly string[]).includes(header ?? "") ? (header as TurnSurface) : null;
}
