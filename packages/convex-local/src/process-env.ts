type Claim = { value: string; holders: number; previous: string | undefined };

const claims = new Map<string, Claim>();

/**
 * The Convex functions read `process.env`, which one Node process shares: local Convex
 * servers in one process may run side by side only if they agree on every variable.
 * Returns the release; the last holder of a variable restores what was there before.
 */
export function claimProcessEnv(values: Record<string, string>): () => void {
  for (const [name, value] of Object.entries(values)) {
    const claim = claims.get(name);
    if (claim && claim.value !== value) {
      throw new Error(`${name} is already set to another value by a local Convex running in this process`);
    }
  }
  for (const [name, value] of Object.entries(values)) {
    const claim = claims.get(name);
    if (claim) claim.holders += 1;
    else claims.set(name, { value, holders: 1, previous: process.env[name] });
    process.env[name] = value;
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    for (const name of Object.keys(values)) {
      const claim = claims.get(name)!;
      claim.holders -= 1;
      if (claim.holders > 0) continue;
      claims.delete(name);
      if (claim.previous === undefined) delete process.env[name];
      else process.env[name] = claim.previous;
    }
  };
}
