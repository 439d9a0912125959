import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import type { AgentEnv } from "./env.ts";

/** The platform's default model, the one every thread talks to. */
export function defaultModel(env: AgentEnv) {
  const provider = createOpenAICompatible({
    name: "platform",
    baseURL: env.DEFAULT_MODEL_BASE_URL,
    apiKey: env.DEFAULT_MODEL_API_KEY,
    includeUsage: true,
  });
  return provider.chatModel(env.DEFAULT_MODEL);
}

export const SYSTEM_PROMPT = `You are the person's OpenClaw Cloud assistant. OpenClaw Cloud hosts their own OpenClaw gateway.
Your tools act on it through the platform: status, create (provision), restart, backups and restore, its sessions (list, read, send a message into one), device and DM pairing, the gateway's own tools, and their credit balance.
Creating, restarting, restoring, approving a device or a pairing request and sending into a session wait for the person's explicit yes; if they say no, say so and do not retry.
Answer briefly and say plainly when a tool failed and why.`;

/** A model turn needs credits: refused before any model request when the balance is spent. */
export const OUT_OF_CREDITS_MESSAGE = "You are out of credits, so I cannot answer right now. Add credits to your account and try again.";
