import { TenantSettingsSchema, type TenantSettings } from "@openclaw-cloud/contracts";

export type TenantSettingsIssue = { path: string; code: string; message: string };

export type ParseTenantSettingsResult = { ok: true; settings: TenantSettings } | { ok: false; message: string; issues: TenantSettingsIssue[] };

/**
 * Validates tenant settings and reports every problem as `path: message`. Values are never
 * part of the report: settings carry secrets, and the report is meant for logs and API errors.
 */
export function parseTenantSettings(input: unknown): ParseTenantSettingsResult {
  const result = TenantSettingsSchema.safeParse(input);
  if (result.success) return { ok: true, settings: result.data };
  const issues = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join(".") || "(root)",
    code: issue.code,
    message: issue.message,
  }));
  return { ok: false, message: `invalid tenant settings: ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`, issues };
}

/** Like `parseTenantSettings` for a JSON document, e.g. the launcher's OPENCLAW_CLOUD_SETTINGS. */
export function parseTenantSettingsJson(json: string): ParseTenantSettingsResult {
  let input: unknown;
  try {
    input = JSON.parse(json);
  } catch {
    // JSON.parse messages quote the offending text, which may be a secret: report no detail.
    const issue = { path: "(root)", code: "invalid_json", message: "not valid JSON" };
    return { ok: false, message: "invalid tenant settings: not valid JSON", issues: [issue] };
  }
  return parseTenantSettings(input);
}
