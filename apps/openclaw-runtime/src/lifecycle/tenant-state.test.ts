import { describe, expect, it } from "vitest";
import { INITIAL_TENANT_STATE, IllegalTransitionError, canTransition, isMidOperation, transition, type TenantEvent, type TenantState } from "./tenant-state.ts";

function run(events: TenantEvent[], start: TenantState = INITIAL_TENANT_STATE): TenantState {
  return events.reduce((state, event, i) => transition(state, event, 1000 + i), start);
}

describe("tenant lifecycle", () => {
  it("walks provision → running and records readiness", () => {
    const state = run([{ type: "provision" }, { type: "start" }, { type: "ready" }]);
    expect(state).toMatchObject({ name: "running", since: 1002, readyAt: 1002, lastError: null });
  });

  it("sleeps and wakes", () => {
    const state = run([{ type: "provision" }, { type: "start" }, { type: "ready" }, { type: "stop" }, { type: "stopped" }, { type: "start" }]);
    expect(state.name).toBe("starting");
    expect(state.readyAt).toBeNull();
  });

  it("refuses a second start while starting, so two gateways never start", () => {
    const starting = run([{ type: "provision" }, { type: "start" }]);
    expect(canTransition(starting, "start")).toBe(false);
    expect(() => transition(starting, { type: "start" }, 5)).toThrow(IllegalTransitionError);
  });

  it("keeps the last error across recovery", () => {
    const failed = run([{ type: "provision" }, { type: "start" }, { type: "fail", error: "port in use" }]);
    expect(failed).toMatchObject({ name: "error", lastError: "port in use", lastErrorAt: 1002 });
    const recovered = run([{ type: "start" }, { type: "ready" }], failed);
    expect(recovered).toMatchObject({ name: "running", lastError: "port in use" });
  });

  it("destroys from any provisioned state back to absent", () => {
    for (const prefix of [
      [{ type: "provision" }],
      [{ type: "provision" }, { type: "start" }, { type: "ready" }],
      [{ type: "provision" }, { type: "start" }, { type: "fail", error: "x" }],
    ] as TenantEvent[][]) {
      expect(run([...prefix, { type: "destroy" }, { type: "destroyed" }]).name).toBe("absent");
    }
  });

  it("cannot chat-start a tenant that does not exist", () => {
    expect(canTransition(INITIAL_TENANT_STATE, "start")).toBe(false);
  });

  it("keeps `since` when a transition stays in the same state", () => {
    const failed = run([{ type: "provision" }, { type: "start" }, { type: "fail", error: "a" }]);
    expect(transition(failed, { type: "fail", error: "b" }, 9999)).toMatchObject({ since: failed.since, lastError: "b", lastErrorAt: 9999 });
  });

  it("recovers a starting or stopping left by a dead isolate, and an interrupted provision to absent", () => {
    const starting = run([{ type: "provision" }, { type: "start" }]);
    expect(isMidOperation(starting)).toBe(true);
    expect(transition(starting, { type: "interrupted", error: "interrupted while starting" }, 7)).toMatchObject({ name: "error", lastError: "interrupted while starting" });
    const stopping = run([{ type: "provision" }, { type: "start" }, { type: "ready" }, { type: "stop" }]);
    expect(transition(stopping, { type: "interrupted", error: "x" }, 7).name).toBe("error");
    expect(transition(run([{ type: "provision" }]), { type: "interrupted", error: "x" }, 7).name).toBe("absent");
    expect(isMidOperation(run([{ type: "provision" }, { type: "start" }, { type: "ready" }]))).toBe(false);
  });
});
