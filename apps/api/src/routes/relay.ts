import { errorOf } from "../runtime/runtime-client.ts";

/**
 * A runtime JSON answer passed on as it is (no re-serialising), or its error mapped
 * onto the API's codes. Runtime answers never carry secrets (the runtime redacts them).
 */
export async function relayJson(response: Response): Promise<Response> {
  if (!response.ok) throw await errorOf(response);
  return new Response(response.body, { status: response.status, headers: { "content-type": response.headers.get("content-type") ?? "application/json" } });
}
