import { Sandbox } from "@cloudflare/sandbox";
import type { RuntimeEnv } from "../env.ts";
import { SandboxHostContainer } from "./sandbox-host-container.ts";

/**
 * The SDK's own `Sandbox` Durable Object for machines without a container engine.
 *
 * Why a subclass at all: the SDK's base class (`@cloudflare/containers`) refuses to
 * construct when `ctx.container` is absent, which it is with containers off. So the one
 * thing replaced is that runtime object, by `SandboxHostContainer`, whose TCP ports are the
 * sandbox host's. Everything above it is the SDK unchanged: `containerFetch`, its retries and
 * start-up, the rpc transport's WebSocket to `/rpc`, `wsConnect`, `destroy`, `sleepAfter`.
 *
 * The sandbox id on the host is the Durable Object's name, which `getSandbox` derives from
 * the tenant id, so each tenant gets its own sandbox there.
 */
export class LocalSandbox extends Sandbox<RuntimeEnv> {
  constructor(ctx: DurableObjectState, env: RuntimeEnv) {
    super(withContainer(ctx, sandboxHostContainer(ctx, env)), env);
  }
}

function sandboxHostContainer(ctx: DurableObjectState, env: RuntimeEnv): SandboxHostContainer {
  if (!env.SANDBOX_HOST_URL || !env.SANDBOX_HOST_SECRET) throw new Error("LocalSandbox needs SANDBOX_HOST_URL and SANDBOX_HOST_SECRET");
  const name = ctx.id.name;
  if (!name) throw new Error("LocalSandbox is reached by name only (getSandbox)");
  return new SandboxHostContainer(env.SANDBOX_HOST_URL, env.SANDBOX_HOST_SECRET, name);
}

/**
 * `ctx` as the runtime gave it, with the container runtime put in. It must stay the
 * runtime's own object (the base class rejects a wrapper), so the property is defined on it.
 */
function withContainer(ctx: DurableObjectState, container: SandboxHostContainer): DurableObjectState<{}> {
  Object.defineProperty(ctx, "container", { value: container, configurable: true });
  return ctx as DurableObjectState<{}>;
}
