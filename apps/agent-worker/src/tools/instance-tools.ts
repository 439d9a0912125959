import { tool } from "ai";
import { z } from "zod";
import type { UserApi } from "../user-api.ts";
import { callApi, toolError } from "./tool-call.ts";

/** A provisioning stage as the api streams it (NDJSON, one per line). */
type ProvisionStage = { stage: string; error?: { code: string; message: string } } & Record<string, unknown>;

/** The person's OpenClaw instance: status, create, restart, backups, restore, credits. */
export function instanceTools(api: UserApi) {
  return {
    openclaw_status: tool({
      description: "The person's OpenClaw instance and its live state (absent, provisioning, running, sleeping, error, with the last error).",
      inputSchema: z.object({}),
      execute: () => callApi(api, "/api/openclaw/status"),
    }),
    openclaw_provision: tool({
      description: "Create the person's OpenClaw instance with the platform's default model. Reports each stage as it happens.",
      inputSchema: z.object({}),
      // Each stage is a preliminary result, so the person sees progress while it runs.
      async *execute() {
        const response = await api.fetch("/api/openclaw/instance", { method: "POST", json: {}, accept: "application/x-ndjson" });
        if (!response.ok || !response.body) throw await toolError(response);
        const stages: ProvisionStage[] = [];
        for await (const stage of ndjsonLines(response.body)) {
          stages.push(stage);
          if (stage.stage === "failed") throw new Error(`${stage.error?.code ?? "failed"}: ${stage.error?.message ?? "provisioning failed"}`);
          yield { stage: stage.stage, stages: stages.map((s) => s.stage), latest: stage };
        }
      },
    }),
    openclaw_restart: tool({
      description: "Restart the person's OpenClaw gateway.",
      inputSchema: z.object({}),
      execute: () => callApi(api, "/api/openclaw/restart", { method: "POST" }),
    }),
    backup_create: tool({
      description: "Take a point-in-time backup of the person's OpenClaw now.",
      inputSchema: z.object({}),
      execute: () => callApi(api, "/api/openclaw/backup", { method: "POST" }),
    }),
    backups_list: tool({
      description: "List the person's OpenClaw backups, newest first.",
      inputSchema: z.object({}),
      execute: () => callApi(api, "/api/openclaw/backups"),
    }),
    backup_restore: tool({
      description: "Restore the person's OpenClaw from a backup (the newest when no id is given).",
      inputSchema: z.object({ id: z.string().min(1).max(64).optional().describe("a backup id from backups_list") }),
      execute: (input) => callApi(api, "/api/openclaw/restore", { method: "POST", json: input }),
    }),
    billing_summary: tool({
      description: "The person's credit balance and recent ledger entries.",
      inputSchema: z.object({}),
      execute: () => callApi(api, "/api/openclaw/billing/summary"),
    }),
  };
}

/** Parses an NDJSON body line by line as it arrives. */
async function* ndjsonLines(body: ReadableStream<Uint8Array>): AsyncGenerator<ProvisionStage> {
  const decoder = new TextDecoder();
  let buffer = "";
  for await (const chunk of body) {
    buffer += decoder.decode(chunk, { stream: true });
    let newline: number;
    while ((newline = buffer.indexOf("\n")) !== -1) {
      const line = buffer.slice(0, newline).trim();
      buffer = buffer.slice(newline + 1);
      if (line) yield JSON.parse(line) as ProvisionStage;
    }
  }
  if (buffer.trim()) yield JSON.parse(buffer) as ProvisionStage;
}
