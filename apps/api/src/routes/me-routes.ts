import { readJsonBody } from "@openclaw-cloud/http-kit";
import { z } from "zod";
import type { ApiApp } from "../http/context.ts";
import { publicUser } from "./views.ts";

const JoinWaitlistSchema = z.strictObject({ note: z.string().trim().max(2000).optional() });

/** The routes open to signed-in users without access. */
export function meRoutes(app: ApiApp): void {
  // The balance comes with the caller's record (one Convex read for both), so a caller that
  // only needs to know whether a turn may start (the agent worker) asks here.
  app.get("/api/me", (c) => {
    const { user, admin, access, via, balance } = c.get("principal");
    return c.json({ user: publicUser(user), admin, access, authMethod: via, balance });
  });

  // The user's own waitlist entry (null until they join), so they can see that they are waiting.
  app.get("/api/waitlist", async (c) => {
    const { user, access } = c.get("principal");
    return c.json({ entry: await c.get("convex").getWaitlistEntry(user.email), access });
  });

  // Joins with the signed-in user's own email; joining again is harmless and keeps the entry.
  app.post("/api/waitlist", async (c) => {
    const { note } = await readJsonBody(c.req.raw, JoinWaitlistSchema, { allowEmpty: true });
    const { user, access } = c.get("principal");
    const entry = await c.get("convex").joinWaitlist({ email: user.email, ...(note ? { note } : {}) });
    return c.json({ entry, access });
  });
}
