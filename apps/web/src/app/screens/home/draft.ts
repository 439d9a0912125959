import type { ModelProvider } from "@openclaw-cloud/contracts";
import type { ProviderKeySummary } from "@openclaw-cloud/contracts/web-views";
import type { ModelChoice } from "../../api/instance.ts";

/** What the create wizard has collected so far. Secrets live here only until they are saved. */
export interface Draft {
  provider: "platform" | ModelProvider;
  model: string;
  key: string;
  baseUrl: string;
  botToken: string;
}

export const EMPTY_DRAFT: Draft = { provider: "platform", model: "", key: "", baseUrl: "", botToken: "" };

export const PROVIDER_NAMES: Record<ModelProvider, string> = {
  anthropic: "Anthropic",
  openai: "OpenAI",
  "openai-compatible": "OpenAI-compatible server",
};

/** What the API's create body is for this draft. */
export function modelChoiceOf(draft: Draft): ModelChoice {
  return draft.provider === "platform" ? null : { provider: draft.provider, model: draft.model.trim() };
}

/** The key to save before create, or null when the stored one is kept (or none is needed). */
export function keyToSave(draft: Draft): { provider: ModelProvider; key: string; baseUrl?: string } | null {
  if (draft.provider === "platform" || !draft.key.trim()) return null;
  return { provider: draft.provider, key: draft.key.trim(), ...(draft.provider === "openai-compatible" ? { baseUrl: draft.baseUrl.trim() } : {}) };
}

/** Why the model step cannot go on yet (null: it can). Only what the form itself must have. */
export function modelStepProblem(draft: Draft, stored: ProviderKeySummary | undefined): string | null {
  if (draft.provider === "platform") return null;
  if (!draft.model.trim()) return "Enter the model id to use.";
  if (!draft.key.trim() && !stored) return `Enter your ${PROVIDER_NAMES[draft.provider]} key.`;
  if (draft.provider === "openai-compatible" && draft.key.trim() && !draft.baseUrl.trim()) return "Enter the server's base URL.";
  return null;
}
