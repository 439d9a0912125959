/**
 * What makes a state directory hold a tenant's data: OpenClaw keeps all authoritative state in
 * SQLite (docs/install/backups.md), the shared database plus one database per agent under
 * `agents/`. The gateway creates both on its first start. Everything else the launcher writes
 * (openclaw.json, identity files) is regenerated from tenant settings on every start.
 */
export const STATE_MARKERS = ["state/openclaw.sqlite", "agents"] as const;

/**
 * A state directory is fresh when none of the markers exists, e.g. a new sandbox or one whose
 * previous start failed before the gateway wrote anything. Only a fresh directory is restored
 * from `restore/latest.tar.gz` on start, so existing state is never overwritten by a start.
 */
export function isFreshStateDir(exists: (relativePath: string) => boolean): boolean {
  return !STATE_MARKERS.some((marker) => exists(marker));
}
