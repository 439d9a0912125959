/**
 * The tenant lifecycle as a pure state machine. The Durable Object owns one of these
 * per tenant and persists it; every transition goes through `transition`, so illegal
 * moves (a second start while starting, a chat into a destroyed tenant) are refused
 * in one place and every state carries when it was entered and the last error.
 */
export const TENANT_STATES = ["absent", "provisioning", "starting", "running", "sleeping", "stopping", "error"] as const;
export type TenantStateName = (typeof TENANT_STATES)[number];

export type TenantEvent =
  | { type: "provision" }
  | { type: "start" }
  | { type: "ready" }
  | { type: "stop" }
  | { type: "stopped" }
  | { type: "destroy" }
  | { type: "destroyed" }
  | { type: "fail"; error: string }
  /** Found on load: the isolate that was starting or stopping died half-way. */
  | { type: "interrupted"; error: string };

export interface TenantState {
  name: TenantStateName;
  /** Epoch ms when `name` was entered. */
  since: number;
  lastError: string | null;
  lastErrorAt: number | null;
  /** Epoch ms the gateway last became ready; uptime is measured from here. */
  readyAt: number | null;
}

export const INITIAL_TENANT_STATE: TenantState = { name: "absent", since: 0, lastError: null, lastErrorAt: null, readyAt: null };

/** Which events each state accepts, and where they lead. */
const TRANSITIONS: Record<TenantStateName, Partial<Record<TenantEvent["type"], TenantStateName>>> = {
  absent: { provision: "provisioning" },
  // An interrupted provision has no gateway and maybe no settings: back to absent, so the
  // next provision (or a retried delete) just works.
  provisioning: { start: "starting", fail: "error", destroy: "stopping", interrupted: "absent" },
  starting: { ready: "running", fail: "error", stop: "stopping", destroy: "stopping", interrupted: "error" },
  running: { stop: "stopping", start: "starting", fail: "error", destroy: "stopping" },
  sleeping: { start: "starting", destroy: "stopping", fail: "error" },
  stopping: { stopped: "sleeping", destroyed: "absent", fail: "error", interrupted: "error" },
  error: { start: "starting", stop: "stopping", destroy: "stopping", fail: "error" },
};

export class IllegalTransitionError extends Error {
  readonly from: TenantStateName;
  readonly event: TenantEvent["type"];
  constructor(from: TenantStateName, event: TenantEvent["type"]) {
    super(`cannot ${event} while ${from}`);
    this.from = from;
    this.event = event;
  }
}

/** States only an operation in progress holds; persisted, they outlived the isolate that ran it. */
export function isMidOperation(state: TenantState): boolean {
  return canTransition(state, "interrupted");
}

export function canTransition(state: TenantState, event: TenantEvent["type"]): boolean {
  return TRANSITIONS[state.name][event] !== undefined;
}

export function transition(state: TenantState, event: TenantEvent, now: number): TenantState {
  const next = TRANSITIONS[state.name][event.type];
  if (!next) throw new IllegalTransitionError(state.name, event.type);
  return {
    name: next,
    since: next === state.name ? state.since : now,
    lastError: "error" in event ? event.error : state.lastError,
    lastErrorAt: "error" in event ? now : state.lastErrorAt,
    readyAt: event.type === "ready" ? now : next === "running" ? state.readyAt : null,
  };
}
