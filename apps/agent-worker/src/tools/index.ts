import { toolNeedsApproval } from "@openclaw-cloud/contracts/threads";
import type { UserApi } from "../user-api.ts";
import { gatewayTools } from "./gateway-tools.ts";
import { instanceTools } from "./instance-tools.ts";

/**
 * Every tool of a thread, each a thin call to the api as the thread's user. Which ones wait
 * for the person's yes is the contract's policy (the website words its cards by it too).
 */
export function threadTools(api: UserApi) {
  const tools = { ...instanceTools(api), ...gatewayTools(api) };
  for (const [name, tool] of Object.entries(tools)) tool.needsApproval = toolNeedsApproval(name);
  return tools;
}

export type ThreadTools = ReturnType<typeof threadTools>;
