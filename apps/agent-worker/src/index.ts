import { AIChatAgent } from "@cloudflare/ai-chat";
import { routeAgentRequest } from "agents";

export class ThreadAgent extends AIChatAgent<Env> {}

export default {
  async fetch(request, env) {
    return (await routeAgentRequest(request, env)) ?? Response.json({ error: { code: "not_found", message: "no such route" } }, { status: 404 });
  },
} satisfies ExportedHandler<Env>;
