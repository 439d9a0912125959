import { WorkOS } from "@workos-inc/node";

/** The WorkOS AuthKit settings a worker needs (api and web read them from their env). */
export interface WorkosConfig {
  apiKey: string;
  clientId: string;
  /** Seals the `wos-session` cookie; the api and web workers must share it. */
  cookiePassword: string;
  /** Only for a stand-in of WorkOS's API in tests, e.g. `http://127.0.0.1:4010`. */
  baseUrl?: string;
}

/** One client per configuration and isolate: it caches WorkOS's JWKS between requests. */
const clients = new Map<string, WorkOS>();

/** The `@workos-inc/node` client for a configuration, pointed at the stand-in when `baseUrl` is set. */
export function workosClient(config: WorkosConfig): WorkOS {
  const cacheKey = `${config.clientId}\n${config.baseUrl ?? ""}\n${config.apiKey}`;
  let client = clients.get(cacheKey);
  if (!client) {
    const base = config.baseUrl ? new URL(config.baseUrl) : null;
    client = new WorkOS(config.apiKey, {
      clientId: config.clientId,
      issuer: `${base ? base.origin : "https://api.workos.com"}/user_management/${config.clientId}`,
      ...(base ? { apiHostname: base.hostname, https: base.protocol === "https:", ...(base.port ? { port: Number(base.port) } : {}) } : {}),
      maxRetries: 1,
      timeout: 10_000,
    });
    clients.set(cacheKey, client);
  }
  return client;
}
