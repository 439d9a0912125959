import type { UserApi } from "../user-api.ts";

/**
 * One tool's call to the api, answered with the api's JSON. A refusal is thrown as the
 * api's own code and message: the AI SDK turns it into a tool error that both the model
 * and the person read (e.g. "no_instance: create your OpenClaw first").
 */
export async function callApi(api: UserApi, path: string, init: { method?: string; json?: unknown } = {}): Promise<unknown> {
  const response = await api.fetch(path, init);
  if (!response.ok) throw await toolError(response);
  return response.json();
}

/** The api's JSON error as an Error whose message is `code: message`. */
export async function toolError(response: Response): Promise<Error> {
  const text = await response.text().catch(() => "");
  try {
    const { error } = JSON.parse(text) as { error: { code: string; message: string } };
    return new Error(`${error.code}: ${error.message}`);
  } catch {
    return new Error(`the api answered ${response.status}${text ? `: ${text.slice(0, 200)}` : ""}`);
  }
}
