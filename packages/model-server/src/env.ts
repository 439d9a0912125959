import { z } from "zod";
import type { ModelServerOptions } from "./server.ts";

// Unset and empty variables both mean "use the default".
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

const envSchema = z.object({
  PORT: optional(z.coerce.number().int().min(0).max(65535)),
  HOST: optional(z.string()),
  MODEL_TOKEN_DELAY_MS: optional(z.coerce.number().min(0)),
  MODEL_API_KEY: optional(z.string()),
});

export const DEFAULT_PORT = 8788;

/** Reads PORT, HOST, MODEL_TOKEN_DELAY_MS and MODEL_API_KEY; throws on malformed values. */
export function modelServerOptionsFromEnv(env: Record<string, string | undefined>): ModelServerOptions {
  const parsed = envSchema.parse(env);
  return {
    port: parsed.PORT ?? DEFAULT_PORT,
    ...(parsed.HOST === undefined ? {} : { host: parsed.HOST }),
    ...(parsed.MODEL_TOKEN_DELAY_MS === undefined ? {} : { tokenDelayMs: parsed.MODEL_TOKEN_DELAY_MS }),
    ...(parsed.MODEL_API_KEY === undefined ? {} : { apiKey: parsed.MODEL_API_KEY }),
  };
}
