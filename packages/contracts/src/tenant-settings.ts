import { z } from "zod";

/**
 * What a tenant chooses for their gateway. Secrets (provider key, channel tokens)
 * travel inside it to the runtime and are only ever handed to the gateway process.
 *
 * Validation errors never echo input values (zod issues carry paths and messages only),
 * so a rejected secret cannot end up in a log line or an error response.
 */
export const ModelProviderSchema = z.enum(["anthropic", "openai", "openai-compatible"]);
export type ModelProvider = z.infer<typeof ModelProviderSchema>;

const secret = z
  .string()
  .trim()
  .min(8)
  .max(512)
  .regex(/^[\x21-\x7e]+$/, "printable ASCII without spaces");

/**
 * A Telegram bot token as BotFather issues it: the bot's numeric id, a colon, then a
 * base64url secret (`123456789:AA…`), 30-64 characters in all. Checked where a person
 * enters one, so a typo is refused with a clear message instead of a gateway that cannot log in.
 */
export const TelegramBotTokenSchema = z
  .string()
  .trim()
  .min(30, "a Telegram bot token is 30-64 characters")
  .max(64, "a Telegram bot token is 30-64 characters")
  .regex(/^\d{5,16}:[\w-]{20,}$/, "must look like a Telegram bot token from BotFather: <bot id>:<secret>");
const httpUrl = z.url({ protocol: /^https?$/ });

/** Providers whose bundled OpenClaw plugin only works with a tenant key (bring your own key). */
const KEYED_PROVIDERS: ReadonlySet<ModelProvider> = new Set(["anthropic", "openai"]);

/** Model id at the provider, e.g. `claude-sonnet-4-5` or `gpt-5.1`. */
const modelId = z
  .string()
  .trim()
  .min(1)
  .max(128)
  .regex(/^[\w.:/@-]+$/);

/** A model the tenant's own gateway calls directly: the person's own key (bring your own key). */
export const ModelSettingsSchema = z
  .object({
    provider: ModelProviderSchema,
    model: modelId,
    /** Required for `openai-compatible`, optional override for the others. */
    baseUrl: httpUrl.optional(),
    /** Required for `anthropic` and `openai`; optional for an `openai-compatible` server without auth. */
    apiKey: secret.optional(),
  })
  .strict()
  .refine((m) => m.provider !== "openai-compatible" || m.baseUrl, {
    message: "baseUrl is required for an openai-compatible provider",
    path: ["baseUrl"],
  })
  .refine((m) => !KEYED_PROVIDERS.has(m.provider) || m.apiKey, {
    message: "apiKey is required for this provider",
    path: ["apiKey"],
  });
export type ModelSettings = z.infer<typeof ModelSettingsSchema>;

/**
 * The platform's default model. It carries no address and no key: at every gateway start
 * the runtime points the gateway at the platform's model proxy with a credential of that
 * start's own (model-proxy.ts), so the platform's upstream key never enters a sandbox.
 */
export const PlatformModelSettingsSchema = z.object({ provider: z.literal("platform"), model: modelId }).strict();
export type PlatformModelSettings = z.infer<typeof PlatformModelSettingsSchema>;

/**
 * A browser origin (`scheme://host[:port]`), as OpenClaw's `gateway.controlUi.allowedOrigins`
 * compares it. A trailing slash is tolerated and dropped; paths, queries and credentials are not.
 */
const ORIGIN = /^(https?:\/\/[^/?#@\s]+)\/?$/i;
const browserOrigin = httpUrl.regex(ORIGIN, "must be an origin like https://app.example.com (no path, query or credentials)").transform((value) => (ORIGIN.exec(value)?.[1] ?? value).toLowerCase());

/**
 * Plugins bundled with the pinned `openclaw` package (2026.9.6). Nothing else can load in a
 * tenant gateway: plugin installs are not part of the platform, so other ids are rejected up
 * front instead of becoming silent phantom entries in `plugins.allow`.
 */
export const BUNDLED_PLUGIN_IDS = [
  "a2a",
  "active-memory",
  "admin-http-rpc",
  "alibaba",
  "anthropic",
  "apple-fm",
  "azure-speech",
  "beam",
  "bonjour",
  "browser",
  "canvas",
  "clawrouter",
  "code-mode-quickjs",
  "copilot-proxy",
  "crabbox",
  "cua-computer",
  "deepgram",
  "device-pair",
  "document-extract",
  "elevenlabs",
  "fal",
  "file-transfer",
  "geolocation",
  "github",
  "github-copilot",
  "google",
  "huggingface",
  "imap",
  "linux-node",
  "litellm",
  "llm-task",
  "lmstudio",
  "logbook",
  "memory-core",
  "memory-wiki",
  "microsoft",
  "microsoft-foundry",
  "migrate-claude",
  "migrate-hermes",
  "minimax",
  "nvidia",
  "oc-path",
  "ollama",
  "onepassword",
  "openai",
  "opencode-go",
  "openrouter",
  "policy",
  "reef",
  "runway",
  "senseaudio",
  "session-share",
  "sglang",
  "talk-voice",
  "telegram",
  "together",
  "tts-local-cli",
  "vault",
  "vllm",
  "web-readability",
  "webhooks",
  "workboard",
  "xai",
] as const;
export const BundledPluginIdSchema = z.enum(BUNDLED_PLUGIN_IDS, {
  error: "unknown plugin id: only plugins bundled with openclaw can be enabled",
});
export type BundledPluginId = z.infer<typeof BundledPluginIdSchema>;

export const TenantSettingsSchema = z
  .object({
    agent: z
      .object({
        /** One line: it becomes the agent's display name and the `Name:` line of IDENTITY.md. */
        name: z
          .string()
          .trim()
          .min(1)
          .max(64)
          .regex(/^[^\p{Cc}]+$/u, "a single line without control characters"),
        persona: z.string().max(4000).optional(),
      })
      .strict()
      .default({ name: "OpenClaw" }),
    model: z.discriminatedUnion("provider", [ModelSettingsSchema, PlatformModelSettingsSchema]),
    /** Browser origins allowed to open the Control UI / WebChat against this gateway. */
    allowedOrigins: z.array(browserOrigin).max(16).default([]),
    httpEndpoints: z
      .object({ responses: z.boolean().default(true), chatCompletions: z.boolean().default(false) })
      .strict()
      .default({ responses: true, chatCompletions: false }),
    /** Extra OpenClaw plugin ids to enable beyond the platform's minimal set. */
    plugins: z.array(BundledPluginIdSchema).max(32).default([]),
    channels: z
      .object({ telegram: z.object({ botToken: secret }).strict().optional() })
      .strict()
      .default({}),
  })
  .strict();
export type TenantSettings = z.infer<typeof TenantSettingsSchema>;
export type TenantSettingsInput = z.input<typeof TenantSettingsSchema>;

/**
 * What a gateway starts on (the launcher's input): tenant settings whose model is one the
 * gateway calls itself, the platform model already turned into the proxy and its credential.
 */
export const GatewaySettingsSchema = TenantSettingsSchema.extend({ model: ModelSettingsSchema });
export type GatewaySettings = z.infer<typeof GatewaySettingsSchema>;
export type GatewaySettingsInput = z.input<typeof GatewaySettingsSchema>;
