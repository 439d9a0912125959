import type { GatewayReconfiguration, InstanceView, ProvisionEvent } from "@openclaw-cloud/contracts/web-views";
import type { ModelProvider } from "@openclaw-cloud/contracts";
import { api, apiResponse } from "./http.ts";
import { readNdjson } from "./ndjson.ts";

/** What the person chose at create: nothing (the platform's model), or their own provider and model. */
export type ModelChoice = { provider: ModelProvider; model: string } | null;

/**
 * Creates the person's OpenClaw and yields each provisioning stage as the API streams it
 * (accepted, provisioning, restoring, starting, ready, then done or failed). A refusal
 * before the stream starts (instance_exists, missing_provider_key, ...) throws an ApiProblem.
 */
export async function* createInstance(choice: ModelChoice, signal?: AbortSignal): AsyncGenerator<ProvisionEvent> {
  const response = await apiResponse("/api/openclaw/instance", {
    method: "POST",
    json: choice ?? {},
    headers: { accept: "application/x-ndjson" },
    ...(signal ? { signal } : {}),
  });
  if (!response.body) return;
  yield* readNdjson<ProvisionEvent>(response.body);
}

/** Answers once the gateway runs again (about 10 s). */
export const restartInstance = () => api<InstanceView>("/api/openclaw/restart", { method: "POST" });

/** Backs up, then puts the gateway to sleep; the next request wakes it. */
export const stopInstance = () => api<InstanceView>("/api/openclaw/stop", { method: "POST" });

/** Removes the instance (backing it up first unless the backups are purged too). */
export const deleteInstance = (purgeBackups: boolean) => api<{ deleted: true }>(`/api/openclaw/instance${purgeBackups ? "?purgeBackups=true" : ""}`, { method: "DELETE" });

/** Stores the Telegram bot token (write-only); a running gateway restarts with it. */
export const connectTelegram = (botToken: string) => api<{ gateway: GatewayReconfiguration }>("/api/openclaw/channels/telegram", { method: "PUT", json: { botToken } });
