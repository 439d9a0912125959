import { GatewayRequestIdSchema } from "@openclaw-cloud/contracts";
import { ResolveExecApprovalBodySchema } from "@openclaw-cloud/contracts/threads";
import { readJsonBody } from "@openclaw-cloud/http-kit";
import { audit } from "../http/audit.ts";
import type { ApiApp } from "../http/context.ts";
import { parseParam } from "../http/params.ts";
import { userRuntime } from "../instances/tenant.ts";
import { relayJson } from "./relay.ts";

/**
 * OpenClaw's own exec approvals: a command the tenant's agent wants to run on its gateway
 * host waits (the gateway's `exec.approval.*`) until the person allows or denies it here.
 */
export function execApprovalRoutes(app: ApiApp): void {
  app.get("/api/openclaw/exec-approvals", async (c) => relayJson(await (await userRuntime(c)).fetch("/v1/tenant/exec-approvals")));

  app.post("/api/openclaw/exec-approvals/:approvalId", async (c) => {
    const approvalId = parseParam(GatewayRequestIdSchema, c.req.param("approvalId"), "approvalId");
    const { decision } = await readJsonBody(c.req.raw, ResolveExecApprovalBodySchema);
    const runtime = await userRuntime(c);
    const response = await relayJson(await runtime.fetch(`/v1/tenant/exec-approvals/${encodeURIComponent(approvalId)}`, { method: "POST", body: JSON.stringify({ decision }) }));
    // Awaited: the decision lets a command run (or not); it is reported done once it is on record.
    await audit(c, `exec_approval.${decision}`, approvalId, { tenantId: runtime.tenantId });
    return response;
  });
}
