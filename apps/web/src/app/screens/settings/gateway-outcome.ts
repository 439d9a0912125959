import type { GatewayReconfiguration } from "@openclaw-cloud/contracts/web-views";
import { messageFor } from "../../api/error-messages.ts";
import type { ApiProblem } from "../../api/http.ts";

/** After a key change: whether the running OpenClaw took it, in words, and how serious that is. */
export function gatewayOutcome(change: "saved" | "deleted", gateway: GatewayReconfiguration): { tone: "success" | "warning"; text: string } {
  const done = change === "saved" ? "Key saved." : "Key deleted.";
  if (gateway.reconfigured) return { tone: "success", text: `${done} Your OpenClaw restarted with its new settings.` };
  if (gateway.reason === "no_instance") {
    return { tone: "success", text: `${done} You have no OpenClaw yet; it is used when you create one with this provider.` };
  }
  const problem = { code: gateway.error.code, message: gateway.error.message, retryAfterSeconds: null } as Pick<ApiProblem, "code" | "message" | "retryAfterSeconds">;
  return {
    tone: "warning",
    text: `${done} But your OpenClaw could not take the new settings: ${messageFor(problem)} The change stands; restarting applies it.`,
  };
}
