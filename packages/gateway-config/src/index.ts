export {
  BASE_PLUGIN_IDS,
  buildGatewayLaunch,
  CONFIG_FILE_NAME,
  EXEC_POLICY,
  GatewayBindSchema,
  GatewayLaunchContextSchema,
  SECRET_ENV,
  type GatewayBind,
  type GatewayLaunch,
  type GatewayLaunchContext,
  type ExecPolicy,
  type OpenClawConfig,
} from "./gateway-launch.ts";
export { WORKSPACE_DIR, type GatewayFile } from "./identity-files.ts";
export { CUSTOM_PROVIDER_ID, PROVIDER_API_KEY_ENV } from "./model-provider.ts";
export {
  parseGatewaySettings,
  parseGatewaySettingsJson,
  type ParseGatewaySettingsResult,
  type GatewaySettingsIssue,
} from "./parse-gateway-settings.ts";
export type { EnvSecretRef } from "./secret-ref.ts";
