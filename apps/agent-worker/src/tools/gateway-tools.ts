import { tool } from "ai";
import { ChannelNameSchema, DmPairingQuerySchema, GatewayRequestIdSchema, SessionKeySchema, ToolInvokeSchema } from "@openclaw-cloud/contracts";
import { z } from "zod";
import { readSse } from "@openclaw-cloud/http-kit/sse";
import type { UserApi } from "../user-api.ts";
import { callApi, toolError } from "./tool-call.ts";

// The api's own checks (contracts), as non-strict objects: a model's extra keys are stripped, not refused.
const SessionKey = SessionKeySchema.describe("a session key from sessions_list");

/** The gateway's own surfaces through the api: sessions, devices, DM pairing, tools. */
export function gatewayTools(api: UserApi) {
  return {
    sessions_list: tool({
      description: "List the sessions on the person's OpenClaw gateway.",
      inputSchema: z.object({}),
      execute: () => callApi(api, "/api/openclaw/sessions"),
    }),
    session_history: tool({
      description: "Read one OpenClaw session's history.",
      inputSchema: z.object({ sessionKey: SessionKey }),
      execute: ({ sessionKey }) => callApi(api, `/api/openclaw/sessions/${encodeURIComponent(sessionKey)}/history`),
    }),
    session_send: tool({
      description: "Send a message into one OpenClaw session; its agent's reply streams back.",
      inputSchema: z.object({ sessionKey: SessionKey, message: z.string().min(1).max(100_000) }),
      // The reply so far is a preliminary result after each delta; the last one is the whole reply.
      async *execute({ sessionKey, message }) {
        const response = await api.fetch(`/api/openclaw/sessions/${encodeURIComponent(sessionKey)}/send`, { method: "POST", json: { message, stream: true } });
        if (!response.ok || !response.body) throw await toolError(response);
        let text = "";
        for await (const event of readSse(response.body)) {
          if (event.data === "[DONE]") break;
          const data = parseJson(event.data);
          if (data?.type === "response.output_text.delta" && typeof data.delta === "string") {
            text += data.delta;
            yield { sessionKey, status: "streaming" as const, text };
          } else if (data?.type === "response.failed" || data?.type === "error") {
            throw new Error(`gateway_unavailable: ${JSON.stringify(data.error ?? data.response ?? data).slice(0, 300)}`);
          }
        }
        yield { sessionKey, status: "done" as const, text };
      },
    }),
    devices_list: tool({
      description: "List paired devices and pending device pairing requests.",
      inputSchema: z.object({}),
      execute: () => callApi(api, "/api/openclaw/devices"),
    }),
    device_approve: tool({
      description: "Approve a pending device pairing request.",
      inputSchema: z.object({ requestId: GatewayRequestIdSchema }),
      execute: ({ requestId }) => callApi(api, `/api/openclaw/devices/${encodeURIComponent(requestId)}/approve`, { method: "POST" }),
    }),
    device_reject: tool({
      description: "Reject a pending device pairing request.",
      inputSchema: z.object({ requestId: GatewayRequestIdSchema }),
      execute: ({ requestId }) => callApi(api, `/api/openclaw/devices/${encodeURIComponent(requestId)}/reject`, { method: "POST" }),
    }),
    pairing_list: tool({
      description: "List pending DM pairing requests of the gateway's channels (e.g. Telegram).",
      inputSchema: z.object(DmPairingQuerySchema.shape),
      execute: (query) => callApi(api, `/api/openclaw/pairing${Object.keys(query).length ? `?${new URLSearchParams(query as Record<string, string>)}` : ""}`),
    }),
    pairing_approve: tool({
      description: "Approve a pending DM pairing request on a channel.",
      inputSchema: z.object({ channel: ChannelNameSchema, accountId: z.string().min(1).max(128).optional(), requestId: z.string().min(1).max(200), notify: z.boolean().optional() }),
      execute: (input) => callApi(api, "/api/openclaw/pairing/approve", { method: "POST", json: input }),
    }),
    tools_invoke: tool({
      description: "Invoke one of the gateway's own tools by name (its /tools/invoke).",
      inputSchema: z.object({ ...ToolInvokeSchema.shape, sessionKey: SessionKey.optional() }),
      execute: (input) => callApi(api, "/api/openclaw/tools/invoke", { method: "POST", json: input }),
    }),
  };
}

function parseJson(text: string): Record<string, unknown> | null {
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return null;
  }
}
