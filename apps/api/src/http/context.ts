import type { Context, Hono } from "hono";
import type { ConvexClient } from "@openclaw-cloud/convex-client";
import type { Principal } from "../auth/principal.ts";
import type { ApiEnv, ApiSettings } from "../env.ts";

export interface ApiVariables {
  settings: ApiSettings;
  convex: ConvexClient;
  /** Set by the auth middleware on every route that needs a signed-in user. */
  principal: Principal;
}

export type ApiBindings = { Bindings: ApiEnv; Variables: ApiVariables };
export type ApiContext = Context<ApiBindings>;
export type ApiApp = Hono<ApiBindings>;
