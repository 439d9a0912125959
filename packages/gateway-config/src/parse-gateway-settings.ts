import { GatewaySettingsSchema, type GatewaySettings } from "@openclaw-cloud/contracts";

export type GatewaySettingsIssue = { path: string; code: string; message: string };

export type ParseGatewaySettingsResult = { ok: true; settings: GatewaySettings } | { ok: false; message: string; issues: GatewaySettingsIssue[] };

/**
 * Validates a gateway's settings (tenant settings with a model the gateway calls itself) and
 * reports every problem as `path: message`. Values are never part of the report: settings
 * carry secrets, and the report is meant for logs and API errors.
 */
export function parseGatewaySettings(input: unknown): ParseGatewaySettingsResult {
  const result = GatewaySettingsSchema.safeParse(input);
  if (result.success) return { ok: true, settings: result.data };
  const issues = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join(".") || "(root)",
    code: issue.code,
    message: issue.message,
  }));
  return { ok: false, message: `invalid gateway settings: ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`, issues };
}

/** Like `parseGatewaySettings` for a JSON document, e.g. the launcher's OPENCLAW_CLOUD_SETTINGS. */
export function parseGatewaySettingsJson(json: string): ParseGatewaySettingsResult {
  let input: unknown;
  try {
    input = JSON.parse(json);
  } catch {
    // JSON.parse messages quote the offending text, which may be a secret: report no detail.
    const issue = { path: "(root)", code: "invalid_json", message: "not valid JSON" };
    return { ok: false, message: "invalid gateway settings: not valid JSON", issues: [issue] };
  }
  return parseGatewaySettings(input);
}
