import type { LocalStack } from "@openclaw-cloud/local-stack";

/** A call to the runtime's internal routes as the API worker makes it: its key, the tenant, a JSON body. */
export function runtimeRequest(stack: LocalStack, tenant: string, path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  for (const [name, value] of Object.entries(stack.internalHeaders(tenant))) headers.set(name, value);
  if (init.body && !headers.has("content-type")) headers.set("content-type", "application/json");
  return fetch(`${stack.runtimeUrl}${path}`, { ...init, headers });
}
