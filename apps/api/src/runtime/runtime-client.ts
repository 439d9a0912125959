import type { ApiEnv } from "../env.ts";
import { ApiError } from "../http/api-error.ts";
import { apiErrorFromRuntime, type RuntimeErrorBody } from "./runtime-errors.ts";

/** The runtime answers on any origin over the service binding; this one only names it in logs. */
const RUNTIME_ORIGIN = "http://openclaw-runtime";

export interface RuntimeRequest {
  method?: string;
  body?: BodyInit | null;
  headers?: Record<string, string>;
}

/**
 * The one way the API worker talks to the runtime: over the service binding, with the
 * internal key and the tenant id the API derived from the authenticated user.
 */
export class RuntimeClient {
  readonly #env: ApiEnv;
  readonly tenantId: string;

  constructor(env: ApiEnv, tenantId: string) {
    this.#env = env;
    this.tenantId = tenantId;
  }

  /** The raw answer, for streams that are piped to the client as they arrive. */
  async fetch(path: string, init: RuntimeRequest = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set("x-oa-internal-key", this.#env.OA_INTERNAL_KEY);
    headers.set("x-oa-tenant-id", this.tenantId);
    if (init.body !== undefined && init.body !== null && !headers.has("content-type")) headers.set("content-type", "application/json");
    try {
      return await this.#env.RUNTIME.fetch(new Request(`${RUNTIME_ORIGIN}${path}`, { method: init.method ?? "GET", headers, body: init.body ?? null }));
    } catch (error) {
      console.error("runtime unreachable", error instanceof Error ? error.message : String(error));
      throw new ApiError("gateway_unavailable", 503, "the OpenClaw runtime did not answer");
    }
  }

  /** A JSON answer; any error status becomes the matching ApiError. */
  async json<T>(path: string, init: RuntimeRequest = {}): Promise<T> {
    const response = await this.fetch(path, init);
    if (!response.ok) throw await errorOf(response);
    return (await response.json()) as T;
  }
}

/** Reads a runtime error answer into an ApiError (never passes the raw body on). */
export async function errorOf(response: Response): Promise<ApiError> {
  let body: RuntimeErrorBody | null = null;
  try {
    body = (await response.json()) as RuntimeErrorBody;
  } catch {
    // not JSON: the status alone decides
  }
  return apiErrorFromRuntime(response.status, body);
}
