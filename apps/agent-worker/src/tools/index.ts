import type { UserApi } from "../user-api.ts";
import { gatewayTools } from "./gateway-tools.ts";
import { instanceTools } from "./instance-tools.ts";

/** Every tool of a thread, each a thin call to the api as the thread's user. */
export function threadTools(api: UserApi) {
  return { ...instanceTools(api), ...gatewayTools(api) };
}

export type ThreadTools = ReturnType<typeof threadTools>;
export { approvalRequestOf } from "./approval-policy.ts";
