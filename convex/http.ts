import { httpRouter } from "convex/server";
import { readJsonBody } from "@openclaw-cloud/http-kit";
import { CreateInstanceBodySchema } from "@openclaw-cloud/convex-client/wire";
import { callRpc, controlRoute, json, requestUserId, rpcRoute, unknownRoute } from "./lib/control";
import { fail } from "./lib/errors";

/**
 * Control routes for server callers (the API worker), all behind `x-oa-control-key`.
 * `/control/rpc` reaches the client's methods; the `/control/openclaw/*` routes are the
 * seed-002 surface and act for the Convex user id in `x-oa-user-id`. None of them hands out
 * a decrypted secret: provider keys leave Convex only through the `getProviderKeysForGateway`
 * method, which the API calls when it composes a gateway's settings.
 */
const http = httpRouter();

http.route({ path: "/control/rpc", method: "POST", handler: rpcRoute });

http.route({
  path: "/control/openclaw/instance",
  method: "GET",
  handler: controlRoute(async (ctx, request) => {
    const ownerId = requestUserId(request);
    return json({ instance: await callRpc(ctx, "getInstance", { ownerId }) });
  }),
});

http.route({
  path: "/control/openclaw/instance",
  method: "POST",
  handler: controlRoute(async (ctx, request) => {
    const ownerId = requestUserId(request);
    const body = await readJsonBody(request, CreateInstanceBodySchema);
    return json({ instance: await callRpc(ctx, "createInstance", { ownerId, ...body }) }, 201);
  }),
});

http.route({
  path: "/control/openclaw/instance/status",
  method: "GET",
  handler: controlRoute(async (ctx, request) => {
    const ownerId = requestUserId(request);
    const instance = (await callRpc(ctx, "getInstance", { ownerId })) ?? fail("not_found", `user ${ownerId} has no instance`);
    const { status, openclawVersion, lastError, updatedAt } = instance;
    return json({ status, openclawVersion, lastError, updatedAt });
  }),
});

http.route({
  path: "/control/openclaw/billing/summary",
  method: "GET",
  handler: controlRoute(async (ctx, request) => {
    const ownerId = requestUserId(request);
    return json(await callRpc(ctx, "billingSummary", { ownerId }));
  }),
});

// Anything else under /control/ answers with a JSON 404 (after the key check), not plain text.
for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"] as const) {
  http.route({ pathPrefix: "/control/", method, handler: unknownRoute });
}

export default http;
