import { CREDITS_PER_TOKEN } from "../billing/credits.ts";
import type { ApiApp } from "../http/context.ts";

export function billingRoutes(app: ApiApp): void {
  app.get("/api/openclaw/billing/summary", async (c) => {
    const summary = await c.get("convex").billingSummary(c.get("principal").user.id);
    return c.json({ ...summary, creditsPerToken: CREDITS_PER_TOKEN });
  });
}
