import { readJsonBody } from "@openclaw-cloud/http-kit";
import { z } from "zod";
import { generateApiToken } from "../auth/api-token.ts";
import type { ApiApp } from "../http/context.ts";
import { auditInBackground } from "../http/audit.ts";
import { idParam } from "../http/params.ts";

const CreateTokenSchema = z.strictObject({ name: z.string().trim().min(1).max(128) });

/** User API tokens: the token itself is shown once, at creation; Convex keeps only its hash. */
export function tokenRoutes(app: ApiApp): void {
  app.post("/api/tokens", async (c) => {
    const { name } = await readJsonBody(c.req.raw, CreateTokenSchema);
    const { user } = c.get("principal");
    const { token, prefix, tokenHash } = await generateApiToken();
    const summary = await c.get("convex").createApiToken({ ownerId: user.id, name, tokenHash, prefix });
    auditInBackground(c, "token.create", user.id, { tokenId: summary.id, prefix });
    return c.json({ ...summary, token }, 201);
  });

  app.get("/api/tokens", async (c) => c.json({ tokens: await c.get("convex").listApiTokens(c.get("principal").user.id) }));

  app.delete("/api/tokens/:tokenId", async (c) => {
    const tokenId = idParam(c.req.param("tokenId"));
    const { user } = c.get("principal");
    await c.get("convex").revokeApiToken({ ownerId: user.id, tokenId });
    auditInBackground(c, "token.revoke", user.id, { tokenId });
    return c.json({ revoked: true, id: tokenId });
  });
}
