/** The part of the Workers runtime's `ctx.container` that `@cloudflare/containers` uses for a sandbox. */
export type ContainerRuntime = Pick<Container, "running" | "start" | "monitor" | "destroy" | "signal" | "getTcpPort">;

/** What the runtime itself throws when a port has no listener; the SDK classifies errors by this text. */
export const NOT_LISTENING_MESSAGE = "the container is not listening";

/** The sandbox host's header for the Authorization meant for the process behind a port. */
const FORWARD_AUTHORIZATION_HEADER = "x-sandbox-forward-authorization";

/**
 * Stands in for a Cloudflare Container where none can run (local development and tests):
 * the container is one sandbox of `apps/sandbox-host`, and every TCP port of it is
 * `<host>/sandboxes/<id>/ports/<port>/...` there. Port 3000 is the SDK's control API
 * (answered by the host), the others are the sandbox's own processes. The host
 * authenticates us by its shared secret; the caller's Authorization travels in a header of
 * its own and reaches the process unchanged.
 */
export class SandboxHostContainer implements ContainerRuntime {
  readonly #base: string;
  readonly #secret: string;
  #running = false;
  #started: Promise<void> = Promise.resolve();
  #stopped: { promise: Promise<void>; resolve: () => void } = Promise.withResolvers<void>();

  constructor(hostUrl: string, secret: string, sandboxId: string) {
    this.#base = `${hostUrl.replace(/\/$/, "")}/sandboxes/${encodeURIComponent(sandboxId)}`;
    this.#secret = secret;
  }

  get running(): boolean {
    return this.#running;
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#stopped = Promise.withResolvers<void>();
    // A sandbox the host could not create is a container that exited at once: the SDK's
    // port wait then fails fast instead of retrying a dead host for its whole budget.
    this.#started = this.#hostCall("POST").catch((error: unknown) => {
      this.#running = false;
      this.#stopped.resolve();
      throw error;
    });
    this.#started.catch(() => {}); // awaited by every port call; not unhandled here
  }

  monitor(): Promise<void> {
    return this.#stopped.promise;
  }

  /** A stopped container loses its disk, so stopping a sandbox here destroys it as well. */
  async destroy(): Promise<void> {
    await this.#hostCall("DELETE");
    this.#running = false;
    this.#stopped.resolve();
  }

  signal(): void {
    void this.destroy().catch((error: Error) => console.error("sandbox host: stopping the sandbox failed", error.message));
  }

  getTcpPort(port: number): Fetcher {
    const fetchPort = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
      await this.#started;
      const request = new Request(input, init);
      const url = new URL(request.url);
      const headers = new Headers(request.headers);
      const forwarded = headers.get("authorization");
      headers.delete("authorization");
      if (forwarded) headers.set(FORWARD_AUTHORIZATION_HEADER, forwarded);
      headers.set("authorization", `Bearer ${this.#secret}`);
      const response = await fetch(new Request(`${this.#base}/ports/${port}${url.pathname}${url.search}`, { method: request.method, headers, body: request.body, signal: request.signal }));
      if (await isUnreachablePort(response)) throw new Error(`${NOT_LISTENING_MESSAGE} in the TCP address 127.0.0.1:${port}`);
      return response;
    };
    return { fetch: fetchPort } as Fetcher;
  }

  async #hostCall(method: "POST" | "DELETE"): Promise<void> {
    const response = await fetch(this.#base, { method, headers: { authorization: `Bearer ${this.#secret}` } });
    const text = await response.text();
    if (!response.ok) throw new Error(`sandbox host ${method} ${response.status}: ${text.slice(0, 300)}`);
  }
}

/** The host answers 502 `upstream_unavailable` when nothing listens on the sandbox's port. */
async function isUnreachablePort(response: Response): Promise<boolean> {
  if (response.status !== 502 || !response.headers.get("content-type")?.includes("application/json")) return false;
  const body = (await response
    .clone()
    .json()
    .catch(() => null)) as { error?: { code?: string } } | null;
  return body?.error?.code === "upstream_unavailable";
}
