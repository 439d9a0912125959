import type { ModelSettings } from "@openclaw-cloud/contracts";
import { envSecretRef, type EnvSecretRef } from "./secret-ref.ts";

/** Provider id under `models.providers` for a tenant's OpenAI-compatible server. */
export const CUSTOM_PROVIDER_ID = "custom";

/** Environment variables holding the provider keys (OpenClaw's `<PROVIDER>_API_KEY` convention). */
export const PROVIDER_API_KEY_ENV = {
  anthropic: "ANTHROPIC_API_KEY",
  openai: "OPENAI_API_KEY",
  "openai-compatible": "CUSTOM_API_KEY",
} as const satisfies Record<ModelSettings["provider"], string>;

export type ProviderConfig = {
  baseUrl?: string;
  apiKey?: EnvSecretRef;
  api?: "openai-completions";
  models?: Array<{ id: string; name: string }>;
};

export type ModelProviderSetup = {
  /** `agents.defaults.model.primary`: `<provider id>/<model id>`. */
  primary: string;
  /** Entries for `models.providers`, keyed by provider id; empty when the bundled defaults suffice. */
  providers: Record<string, ProviderConfig>;
  /** The bundled plugin that implements the provider, when there is one. */
  pluginId?: "anthropic" | "openai";
  /** Variables the gateway needs in its environment (the key travels here, never in config). */
  env: Record<string, string>;
};

/**
 * Anthropic and OpenAI are bundled provider plugins: the key comes from their documented
 * `<PROVIDER>_API_KEY` variable and a base URL only overrides the default endpoint. An
 * OpenAI-compatible server is a custom `models.providers` entry speaking chat completions.
 */
export function modelProviderSetup(model: ModelSettings): ModelProviderSetup {
  const keyEnv = PROVIDER_API_KEY_ENV[model.provider];
  const env: Record<string, string> = model.apiKey ? { [keyEnv]: model.apiKey } : {};
  const apiKey = model.apiKey ? envSecretRef(keyEnv) : undefined;
  if (model.provider === "openai-compatible") {
    return {
      primary: `${CUSTOM_PROVIDER_ID}/${model.model}`,
      providers: {
        [CUSTOM_PROVIDER_ID]: {
          baseUrl: model.baseUrl,
          ...(apiKey && { apiKey }),
          api: "openai-completions",
          models: [{ id: model.model, name: model.model }],
        },
      },
      env,
    };
  }
  return {
    primary: `${model.provider}/${model.model}`,
    providers: model.baseUrl ? { [model.provider]: { baseUrl: model.baseUrl, ...(apiKey && { apiKey }) } } : {},
    pluginId: model.provider,
    env,
  };
}
