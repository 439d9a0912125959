/** Why a backup was made, as a person reads it (the API's `reason`; an unknown one is shown as it is). */
const REASONS: Record<string, string> = {
  manual: "Made by you",
  scheduled: "Scheduled",
  sleep: "Before sleeping",
  destroy: "Before deleting",
  restore: "Before a restore",
};

export function backupReason(reason: string): string {
  return REASONS[reason] ?? reason;
}
