/**
 * Leases counted by key, in memory: what the tenant's Durable Object has in flight (calls
 * and relays per sandbox generation, turns per surface). Each acquire returns its own
 * release, which counts once however often it is called.
 */
export class CountedLeases<K> {
  readonly #counts = new Map<K, number>();

  /** One more lease on `key`; the release answers whether this call was the one that released it. */
  acquire(key: K): () => boolean {
    this.#counts.set(key, (this.#counts.get(key) ?? 0) + 1);
    let held = true;
    return () => {
      if (!held) return false;
      held = false;
      const left = (this.#counts.get(key) ?? 1) - 1;
      if (left > 0) this.#counts.set(key, left);
      else this.#counts.delete(key);
      return true;
    };
  }

  count(key: K): number {
    return this.#counts.get(key) ?? 0;
  }

  /** The keys with a lease out. */
  keys(): K[] {
    return [...this.#counts.keys()];
  }
}
