// Test support: the real AGENT binding, with each request it carries written down first.
import { env } from "cloudflare:test";
import type { ApiEnv } from "../env.ts";

export interface AgentRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
  /** What the agent worker answered. */
  status?: number;
}

/** The test env's real agent worker binding, recording what the API sends it (then passing it on untouched). */
export function recordingAgent(): { binding: Fetcher; sent: AgentRequest[] } {
  const sent: AgentRequest[] = [];
  const agent = (env as unknown as ApiEnv).AGENT;
  const binding = {
    fetch: async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      const upgrade = request.headers.get("upgrade") !== null;
      const record: AgentRequest = {
        method: request.method,
        path: new URL(request.url).pathname,
        headers: Object.fromEntries(request.headers),
        body: upgrade || request.body === null ? "" : await request.clone().text(),
      };
      sent.push(record);
      const response = await agent.fetch(request);
      record.status = response.status;
      return response;
    },
  } as unknown as Fetcher;
  return { binding, sent };
}
