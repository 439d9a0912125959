/**
 * Which sandbox holds a tenant's gateway. A restore starts the restored gateway in a new
 * sandbox beside the running one and switches to it when it is ready, so a tenant moves to
 * a new sandbox (generation) with every restore. Generation 0 is the tenant id itself.
 * Tenant ids never contain `--` (contracts' tenant-id.ts), so `<tenant>--<n>` cannot be another
 * tenant's sandbox, and their length leaves room for the suffix within a sandbox id's 63.
 */
export function sandboxIdFor(tenantId: string, generation: number): string {
  if (!Number.isSafeInteger(generation) || generation < 0) throw new RangeError(`bad sandbox generation ${generation}`);
  return generation === 0 ? tenantId : `${tenantId}--${generation}`;
}
