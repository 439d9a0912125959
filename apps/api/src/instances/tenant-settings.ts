import { TenantSettingsSchema, type ModelProvider, type TenantSettings } from "@openclaw-cloud/contracts";
import type { GatewayChannelSecret, GatewayProviderKey, Instance } from "@openclaw-cloud/convex-client";
import { controlUiOrigin } from "../control-ui/control-ui-origin.ts";
import type { ApiSettings, PlatformModel } from "../env.ts";
import { ApiError } from "../http/api-error.ts";

/**
 * The runtime's tenant settings for an instance, composed here and only here: the
 * instance's provider and model with the user's own key for that provider, or else the
 * platform's default model (by id: its address and key stay in the platform), plus the
 * user's connected channels (a Telegram bot token), and the tenant's Control UI origin.
 * Pure; the result is validated with the runtime's own schema.
 */
export function composeTenantSettings(
  instance: Pick<Instance, "provider" | "model" | "tenantId">,
  keys: readonly GatewayProviderKey[],
  { platformModel, controlUi }: Pick<ApiSettings, "platformModel" | "controlUi">,
  channels: readonly GatewayChannelSecret[] = [],
): TenantSettings {
  const key = keys.find((k) => k.provider === instance.provider);
  const model = key ? { provider: instance.provider, model: instance.model, apiKey: key.key, ...(key.baseUrl ? { baseUrl: key.baseUrl } : {}) } : platformModelSettings(platformModel);
  const telegram = channels.find((c) => c.channel === "telegram");
  const parsed = TenantSettingsSchema.safeParse({
    agent: { name: "OpenClaw" },
    model,
    // The Control UI's page on the tenant's own origin opens the gateway's WebSocket from there.
    allowedOrigins: controlUi ? [controlUiOrigin(controlUi, instance.tenantId)] : [],
    // Both OpenAI-compatible surfaces, for clients of /api/openclaw/v1 (the runtime reaches them with the gateway's token).
    httpEndpoints: { responses: true, chatCompletions: true },
    channels: telegram ? { telegram: { botToken: telegram.secret } } : {},
  });
  // Keys, tokens and models were validated when stored; failing here means stored data went stale.
  if (!parsed.success) throw new ApiError("invalid_request", 400, `stored settings are not usable: ${parsed.error.issues[0]?.path.join(".")}`);
  return parsed.data;
}

/** The platform's model by id only: the runtime gives each gateway start the model proxy and a credential of its own. */
function platformModelSettings(platformModel: PlatformModel | null) {
  if (!platformModel) throw new ApiError("no_default_model", 503, "this platform has no default model; add a provider key first");
  return { provider: "platform" as const, model: platformModel.model };
}

/**
 * What a new instance records as its provider and model: a provider the user has a key
 * for (and names), or the platform default, which is an OpenAI-compatible endpoint.
 */
export function chooseInstanceModel(
  requested: { provider?: ModelProvider; model?: string },
  keys: readonly Pick<GatewayProviderKey, "provider">[],
  platformModel: PlatformModel | null,
): { provider: ModelProvider; model: string } {
  if (requested.provider && keys.some((k) => k.provider === requested.provider)) {
    if (!requested.model) throw new ApiError("invalid_request", 400, "model: required with a provider");
    return { provider: requested.provider, model: requested.model };
  }
  if (requested.provider && requested.provider !== "openai-compatible") {
    throw new ApiError("missing_provider_key", 400, `no ${requested.provider} key stored; PUT /api/keys/${requested.provider} first`);
  }
  if (!platformModel) throw new ApiError("no_default_model", 503, "this platform has no default model; add a provider key first");
  return { provider: "openai-compatible", model: platformModel.model };
}
