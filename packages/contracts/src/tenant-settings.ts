import { z } from "zod";

/**
 * What a tenant chooses for their gateway. Secrets (provider key, channel tokens)
 * travel inside it to the runtime and are only ever handed to the gateway process;
 * `redactTenantSettings` is the only shape that may leave the runtime.
 */
export const ModelProviderSchema = z.enum(["anthropic", "openai", "openai-compatible"]);
export type ModelProvider = z.infer<typeof ModelProviderSchema>;

const secret = z.string().trim().min(8).max(512).regex(/^[\x21-\x7e]+$/, "printable ASCII without spaces");
const httpUrl = z.url({ protocol: /^https?$/ });

export const ModelSettingsSchema = z
  .object({
    provider: ModelProviderSchema,
    /** Model id at the provider, e.g. `claude-sonnet-4-5` or `gpt-5.1`. */
    model: z.string().trim().min(1).max(128).regex(/^[\w.:/@-]+$/),
    /** Required for `openai-compatible`, optional override for the others. */
    baseUrl: httpUrl.optional(),
    apiKey: secret.optional(),
  })
  .strict()
  .refine((m) => m.provider !== "openai-compatible" || m.baseUrl, {
    message: "baseUrl is required for an openai-compatible provider",
    path: ["baseUrl"],
  });
export type ModelSettings = z.infer<typeof ModelSettingsSchema>;

export const TenantSettingsSchema = z
  .object({
    agent: z
      .object({
        name: z.string().trim().min(1).max(64),
        persona: z.string().max(4000).optional(),
      })
      .strict()
      .default({ name: "OpenClaw" }),
    model: ModelSettingsSchema,
    /** Browser origins allowed to open the Control UI / WebChat against this gateway. */
    allowedOrigins: z.array(httpUrl).max(16).default([]),
    httpEndpoints: z
      .object({ responses: z.boolean().default(true), chatCompletions: z.boolean().default(false) })
      .strict()
      .default({ responses: true, chatCompletions: false }),
    /** Extra OpenClaw plugin ids to enable beyond the platform's minimal set. */
    plugins: z.array(z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/)).max(32).default([]),
    channels: z
      .object({ telegram: z.object({ botToken: secret }).strict().optional() })
      .strict()
      .default({}),
  })
  .strict();
export type TenantSettings = z.infer<typeof TenantSettingsSchema>;
export type TenantSettingsInput = z.input<typeof TenantSettingsSchema>;
