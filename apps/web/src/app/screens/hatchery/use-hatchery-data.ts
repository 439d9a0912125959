import type { DeviceList } from "@openclaw-cloud/contracts/web-views";
import { useMemo } from "react";
import { EXEC_APPROVALS_PATH, PENDING_APPROVALS_PATH, type ExecApprovals, type PendingApprovals } from "../../api/approvals.ts";
import { useApiData } from "../../api/use-api.ts";
import { useInstance } from "../../instance.tsx";
import { useThreads } from "../../threads.tsx";
import { sessionItemsOf } from "../chat/session-list.ts";
import type { HatcheryInput } from "./hatchery-graph.ts";

/** Approvals change while the person looks; the rest changes slowly. */
const APPROVALS_POLL_MS = 5000;
const GATEWAY_POLL_MS = 15_000;

/**
 * Everything the Hatchery draws, each part loaded on its own: a part that fails (or an
 * api that does not have it yet) leaves its nodes out and is named in `missing`, and the
 * rest of the picture still shows.
 */
export function useHatcheryData(): { input: HatcheryInput; missing: Array<{ what: string; error: unknown }>; reload: () => void } {
  const { status, reload: reloadInstance } = useInstance();
  const threads = useThreads();
  const instance = status.kind === "present" ? status.view : null;
  const gatewayPath = (path: string) => (instance ? path : null);
  const sessions = useApiData<{ result: unknown }>(gatewayPath("/api/openclaw/sessions"), { pollMs: GATEWAY_POLL_MS });
  const devices = useApiData<DeviceList>(gatewayPath("/api/openclaw/devices"), { pollMs: GATEWAY_POLL_MS });
  const exec = useApiData<ExecApprovals>(gatewayPath(EXEC_APPROVALS_PATH), { pollMs: APPROVALS_POLL_MS });
  const approvals = useApiData<PendingApprovals>(PENDING_APPROVALS_PATH, { pollMs: APPROVALS_POLL_MS });

  const sessionItems = useMemo(() => (sessions.data ? sessionItemsOf(sessions.data.result) : []), [sessions.data]);
  const input: HatcheryInput = {
    instance,
    threads: threads.threads,
    approvals: approvals.data?.approvals ?? [],
    execApprovals: exec.data?.approvals ?? [],
    sessions: sessionItems,
    devices: devices.data,
  };
  const missing = [
    { what: "chats", error: threads.error },
    { what: "approvals", error: approvals.error },
    { what: "OpenClaw's own approvals", error: exec.error },
    { what: "sessions", error: sessions.error },
    { what: "devices", error: devices.error },
  ].filter((part) => part.error);
  const reload = () => {
    for (const part of [reloadInstance, threads.reload, approvals.reload, exec.reload, sessions.reload, devices.reload]) void part();
  };
  return { input, missing, reload };
}
