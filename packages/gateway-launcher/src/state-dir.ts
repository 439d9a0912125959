import { SANDBOX_LAYOUT } from "@openclaw-cloud/contracts";

/**
 * A state directory is fresh when none of the markers (`SANDBOX_LAYOUT.stateMarkers`: OpenClaw's
 * SQLite databases, docs/install/backups.md) exists, e.g. a new sandbox or one whose
 * previous start failed before the gateway wrote anything. Only a fresh directory is restored
 * from `restore/latest.tar.gz` on start, so existing state is never overwritten by a start.
 */
export function isFreshStateDir(exists: (relativePath: string) => boolean): boolean {
  return !SANDBOX_LAYOUT.stateMarkers.some((marker) => exists(marker));
}
