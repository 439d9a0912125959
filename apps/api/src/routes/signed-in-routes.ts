import { MODEL_PROXY_PATH } from "@openclaw-cloud/contracts";
// The route table the tests walk (auth, access and isolation checks on every route).
/** Every route behind sign-in, with placeholder ids (docs/api.md lists the same). */
export const SIGNED_IN_ROUTES: ReadonlyArray<readonly [string, string]> = [
  ["GET", "/api/me"],
  ["GET", "/api/waitlist"],
  ["POST", "/api/waitlist"],
  ["GET", "/api/tokens"],
  ["POST", "/api/tokens"],
  ["DELETE", "/api/tokens/some-id"],
  ["GET", "/api/keys"],
  ["PUT", "/api/keys/openai"],
  ["DELETE", "/api/keys/openai"],
  ["GET", "/api/openclaw/instance"],
  ["POST", "/api/openclaw/instance"],
  ["DELETE", "/api/openclaw/instance"],
  ["GET", "/api/openclaw/status"],
  ["POST", "/api/openclaw/restart"],
  ["POST", "/api/openclaw/stop"],
  ["POST", "/api/openclaw/crash/acknowledge"],
  ["POST", "/api/openclaw/backup"],
  ["GET", "/api/openclaw/backups"],
  ["POST", "/api/openclaw/restore"],
  ["GET", "/api/openclaw/devices"],
  ["POST", "/api/openclaw/devices/link"],
  ["POST", "/api/openclaw/control-ui/link"],
  ["POST", "/api/openclaw/devices/req-1/approve"],
  ["POST", "/api/openclaw/devices/req-1/reject"],
  ["GET", "/api/openclaw/pairing"],
  ["POST", "/api/openclaw/pairing/approve"],
  ["GET", "/api/openclaw/sessions"],
  ["GET", "/api/openclaw/sessions/main/history"],
  ["POST", "/api/openclaw/sessions/main/send"],
  ["POST", "/api/openclaw/tools/invoke"],
  ["POST", "/api/openclaw/chat"],
  ["POST", "/api/openclaw/v1/responses"],
  ["POST", "/api/openclaw/v1/chat/completions"],
  ["GET", "/api/openclaw/v1/models"],
  ["GET", "/api/openclaw/billing/summary"],
  ["GET", "/api/openclaw/channels"],
  ["PUT", "/api/openclaw/channels/telegram"],
  ["DELETE", "/api/openclaw/channels/telegram"],
  ["GET", "/api/openclaw/logs"],
  ["GET", "/api/openclaw/exec-approvals"],
  ["POST", "/api/openclaw/exec-approvals/some-id"],
  ["GET", "/api/threads"],
  ["POST", "/api/threads"],
  ["GET", "/api/threads/somethreadid0"],
  ["PATCH", "/api/threads/somethreadid0"],
  ["POST", "/api/threads/somethreadid0/turns"],
  ["GET", "/api/approvals"],
  ["POST", "/api/approvals"],
  ["POST", "/api/approvals/some-id/resolve"],
  ["GET", "/api/admin/users"],
  ["POST", "/api/admin/users/some-id/access"],
  ["POST", "/api/admin/users/some-id/role"],
  ["POST", "/api/admin/users/some-id/credits"],
  ["GET", "/api/admin/users/some-id/instance"],
  ["POST", "/api/admin/users/some-id/instance/crash/acknowledge"],
  ["GET", "/api/admin/waitlist"],
  ["POST", "/api/admin/waitlist/some-id/approve"],
  ["POST", "/api/admin/waitlist/some-id/revoke"],
  ["GET", "/api/admin/instances"],
  ["GET", "/api/admin/audit"],
];

/**
 * Routes outside sign-in on purpose. `/gateway/:tenantId/*` is the device proxy: the runtime
 * admits a request by its proxy ticket, so the API requires no session and applies no rate
 * limit there. The route-table test checks that nothing else escapes sign-in.
 */
export const OPEN_ROUTE_PATTERNS: ReadonlyArray<readonly [string, string]> = [
  ["GET", "/healthz"],
  ["ALL", "/gateway/:tenantId/*"],
];

/**
 * Under `/api/*` but not signed in: the model proxy, which tenant gateways call with a
 * credential of their own (model-proxy/model-proxy-routes.ts; its tests walk it).
 */
export const MODEL_PROXY_ROUTE_PATTERNS: ReadonlyArray<readonly [string, string]> = [
  ["GET", `${MODEL_PROXY_PATH}/models`],
  ["POST", `${MODEL_PROXY_PATH}/chat/completions`],
];

/**
 * Outside `/api/*` but signed in and gated exactly like it (app.ts): a thread's agent,
 * which the web worker forwards `/agents/*` to. Its own tests (agent-door.test.ts) walk it.
 */
export const AGENT_DOOR_ROUTE_PATTERNS: ReadonlyArray<readonly [string, string]> = [
  ["ALL", "/agents/thread-agent/*"],
  ["ALL", "/agents/thread-agent/:threadId"],
  ["ALL", "/agents/thread-agent/:threadId/*"],
];
