import type { ModelProvider } from "@openclaw-cloud/contracts";
import type { ApiTokenSummary, BillingSummary, CreatedApiToken, ProviderKeyDeleted, ProviderKeySaved, ProviderKeySummary } from "@openclaw-cloud/contracts/web-views";
import { api } from "./http.ts";

export const KEYS_PATH = "/api/keys";
export const TOKENS_PATH = "/api/tokens";
export const BILLING_PATH = "/api/openclaw/billing/summary";

// Provider keys: write-only; the API lists the provider, last four and base URL.
export const listKeys = () => api<{ keys: ProviderKeySummary[] }>(KEYS_PATH);
export const saveKey = (provider: ModelProvider, key: string, baseUrl?: string) => api<ProviderKeySaved>(`${KEYS_PATH}/${provider}`, { method: "PUT", json: baseUrl ? { key, baseUrl } : { key } });
export const deleteKey = (provider: ModelProvider) => api<ProviderKeyDeleted>(`${KEYS_PATH}/${provider}`, { method: "DELETE" });

// API tokens: the token itself only in the answer to its creation.
export const listTokens = () => api<{ tokens: ApiTokenSummary[] }>(TOKENS_PATH);
export const createToken = (name: string) => api<CreatedApiToken>(TOKENS_PATH, { method: "POST", json: { name } });
export const revokeToken = (id: string) => api<{ revoked: true; id: string }>(`${TOKENS_PATH}/${encodeURIComponent(id)}`, { method: "DELETE" });

export const getBillingSummary = () => api<BillingSummary>(BILLING_PATH);
