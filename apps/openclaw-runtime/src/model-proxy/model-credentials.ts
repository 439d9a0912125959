import { formatModelCredential, type GatewaySettings, type TenantSettings } from "@openclaw-cloud/contracts";
import { keysMatch } from "@openclaw-cloud/http-kit";
import { RuntimeError } from "../http/errors.ts";

/**
 * The credentials a tenant's gateways hold for the platform's model proxy, by the sandbox
 * generation each gateway runs in (two run side by side while a restore switches over).
 * Each gateway start replaces its generation's credential; a gateway that stops, or a
 * sandbox that goes, takes its credential with it.
 */
export type ModelCredentials = Readonly<Record<string, string>>;

/** A new credential for the gateway about to start in `generation`, replacing the one it had. */
export function issueModelCredential(held: ModelCredentials, tenantId: string, generation: number): { credential: string; held: ModelCredentials } {
  const credential = formatModelCredential(tenantId, crypto.getRandomValues(new Uint8Array(32)));
  return { credential, held: { ...held, [generation]: credential } };
}

/** The credentials without those of `generation` (its gateway stopped or its sandbox went). */
export function revokeModelCredential(held: ModelCredentials, generation: number): ModelCredentials {
  const { [generation]: _revoked, ...rest } = held;
  return rest;
}

/** Whether `presented` is a credential one of the tenant's gateways holds now (constant time per held credential). */
export async function holdsModelCredential(held: ModelCredentials, presented: string): Promise<boolean> {
  const matches = await Promise.all(Object.values(held).map((credential) => keysMatch(presented, credential)));
  return matches.includes(true);
}

/**
 * The settings a gateway starts on. A tenant on the platform's model gets the model proxy as
 * an OpenAI-compatible provider, with the start's credential as its key; any other model is
 * the tenant's own and goes to the gateway as it is.
 */
export function gatewaySettingsFor(settings: TenantSettings, proxy: { url: string | undefined; credential: string } | null): GatewaySettings {
  const { model } = settings;
  if (model.provider !== "platform") return { ...settings, model };
  if (!proxy) throw new Error("the platform's model needs a model proxy credential");
  if (!proxy.url) throw new RuntimeError("gateway_start_failed", 503, "this runtime has no model proxy (MODEL_PROXY_URL) for the platform's model");
  return { ...settings, model: { provider: "openai-compatible", model: model.model, baseUrl: proxy.url, apiKey: proxy.credential } };
}
