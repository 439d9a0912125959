import type { ThreadAgent } from "./thread-agent.ts";

/** The agent worker's bindings (wrangler.jsonc); the secrets are listed in its header. */
export interface AgentEnv {
  THREAD_AGENT: DurableObjectNamespace<ThreadAgent>;
  /** The api worker: thread ownership, credits, approvals and every OpenClaw tool. */
  API: Fetcher;
  DEFAULT_MODEL: string;
  OA_INTERNAL_KEY: string;
  DEFAULT_MODEL_BASE_URL: string;
  DEFAULT_MODEL_API_KEY: string;
}
