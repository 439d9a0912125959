import { ModelProviderSchema, type ModelProvider } from "@openclaw-cloud/contracts";
import { readJsonBody } from "@openclaw-cloud/http-kit";
import { z } from "zod";
import { ApiError } from "../http/api-error.ts";
import { auditInBackground } from "../http/audit.ts";
import type { ApiApp, ApiContext } from "../http/context.ts";
import { parseParam } from "../http/params.ts";
import { reconfigureGateway } from "../instances/reconfigure.ts";

const SetKeySchema = z.strictObject({
  key: z
    .string()
    .trim()
    .min(8)
    .max(512)
    .regex(/^[\x21-\x7e]+$/, "printable ASCII without spaces"),
  baseUrl: z
    .url({ protocol: /^https?$/ })
    .max(2048)
    .optional(),
});

function providerParam(c: ApiContext): ModelProvider {
  return parseParam(ModelProviderSchema, c.req.param("provider"), "provider");
}

/**
 * Bring-your-own provider keys. Stored encrypted by Convex; listed as provider + last 4
 * only. Changing one hands the running gateway its new settings straight away.
 */
export function keyRoutes(app: ApiApp): void {
  app.get("/api/keys", async (c) => c.json({ keys: await c.get("convex").listProviderKeys(c.get("principal").user.id) }));

  app.put("/api/keys/:provider", async (c) => {
    const provider = providerParam(c);
    const { key, baseUrl } = await readJsonBody(c.req.raw, SetKeySchema);
    if (provider === "openai-compatible" && !baseUrl) throw new ApiError("invalid_request", 400, "baseUrl: required for an openai-compatible provider");
    const { user } = c.get("principal");
    const summary = await c.get("convex").setProviderKey({ ownerId: user.id, provider, key, ...(baseUrl ? { baseUrl } : {}) });
    auditInBackground(c, "key.set", user.id, { provider });
    return c.json({ key: summary, gateway: await reconfigureGateway(c) });
  });

  app.delete("/api/keys/:provider", async (c) => {
    const provider = providerParam(c);
    const { user } = c.get("principal");
    await c.get("convex").deleteProviderKey({ ownerId: user.id, provider });
    auditInBackground(c, "key.delete", user.id, { provider });
    return c.json({ deleted: true, provider, gateway: await reconfigureGateway(c) });
  });
}
