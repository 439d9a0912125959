import type { AgentEnv } from "./env.ts";
import { app } from "./worker.ts";

export { ThreadAgent } from "./thread-agent.ts";

export default { fetch: (request, env, ctx) => app.fetch(request, env, ctx) } satisfies ExportedHandler<AgentEnv>;
