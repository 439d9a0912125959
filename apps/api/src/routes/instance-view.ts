import type { Availability, InstanceView } from "@openclaw-cloud/contracts";
import type { Instance } from "@openclaw-cloud/convex-client";
import type { RuntimeStatus } from "../runtime/runtime-types.ts";

/** What a state means for the next request, in words a UI can show. Pure. */
export function availabilityOf(status: Pick<RuntimeStatus, "state" | "lastError"> & Partial<Pick<RuntimeStatus, "notAnsweringSince" | "nextRestartAt">>): Availability {
  switch (status.state) {
    case "running":
      if (status.notAnsweringSince)
        return { ready: false, waking: false, message: `not answering since ${status.notAnsweringSince}; requests end with gateway_timeout until it answers again or is restarted` };
      return { ready: true, waking: false, message: "running" };
    case "sleeping":
      return { ready: false, waking: true, message: "asleep: the next request wakes it and waits for it (about 10 s)" };
    case "provisioning":
    case "starting":
      return { ready: false, waking: true, message: "starting: requests wait until the gateway is ready" };
    case "stopping":
      return { ready: false, waking: false, message: "stopping: requests are refused with instance_busy for a few seconds" };
    case "error":
      if (status.nextRestartAt) return { ready: false, waking: true, message: `crashed; restarting by itself at ${status.nextRestartAt} (the next request restarts it at once)` };
      return { ready: false, waking: true, message: `gateway failed to start: ${status.lastError ?? "unknown reason"}; the next request tries again` };
    case "absent":
      return { ready: false, waking: false, message: "the runtime has no gateway for this instance; delete and create it again" };
  }
}

export function instanceStatusView(instance: Instance, status: RuntimeStatus): InstanceView {
  return {
    instance: {
      id: instance.id,
      status: instance.status,
      provider: instance.provider,
      model: instance.model,
      openclawVersion: status.openclawVersion ?? instance.openclawVersion,
      lastError: instance.lastError,
      createdAt: instance.createdAt,
      updatedAt: instance.updatedAt,
    },
    runtime: {
      state: status.state,
      since: status.since,
      uptimeMs: status.uptimeMs,
      lastError: status.lastError,
      lastErrorAt: status.lastErrorAt,
      openclawVersion: status.openclawVersion,
      lastBackup: status.lastBackup,
      agent: status.agent,
      model: status.model,
      notAnsweringSince: status.notAnsweringSince ?? null,
      crash: status.crash ?? null,
      nextRestartAt: status.nextRestartAt ?? null,
      lastBackupError: status.lastBackupError ?? null,
    },
    availability: availabilityOf(status),
  };
}
