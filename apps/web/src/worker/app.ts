import { Hono } from "hono";
import { HttpError, errorResponse } from "@openclaw-cloud/http-kit";
import { authRoutes } from "./auth/auth-routes.ts";
import type { WebEnv } from "./env.ts";

export type WebApp = Hono<{ Bindings: WebEnv }>;

/**
 * The website's worker. Static assets answer every other path before this runs
 * (`assets.run_worker_first` lists what is ours): `/auth/*` is sign-in, `/api/*` and
 * `/gateway/*` go to the api worker as they are, bodies streamed both ways (SSE and
 * NDJSON reach the browser as the api produces them; WebSocket upgrades pass through).
 * `/agents/*` (a durable thread's WebSocket) goes there too: the api checks the session
 * and the thread's owner the way it checks every route, and hands the connection to the
 * agent worker with the identity it derived, so sign-in is checked in one place.
 */
export function createApp(): WebApp {
  const app: WebApp = new Hono();
  app.onError((error) => {
    if (error instanceof HttpError) return errorResponse(error);
    console.error("web worker failed", error.message);
    return errorResponse(new HttpError("internal_error", 500, "internal error"));
  });
  app.notFound(() => errorResponse(new HttpError("not_found", 404, "no such route")));

  app.get("/healthz", (c) => c.json({ ok: true }));
  authRoutes(app);
  const toApi = (c: { env: WebEnv; req: { raw: Request } }) => c.env.API.fetch(c.req.raw);
  app.all("/api/*", toApi);
  app.all("/gateway/*", toApi);
  app.all("/agents/*", toApi);
  return app;
}
