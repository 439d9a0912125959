import { createContext, useContext, type ReactNode } from "react";
import type { InstanceState, InstanceView } from "@openclaw-cloud/contracts/web-views";
import { ApiProblem } from "./api/http.ts";
import { useApiData } from "./api/use-api.ts";

/** How often the person's instance status is refreshed while the app is open. */
const STATUS_POLL_MS = 5000;

export type InstanceStatus = { kind: "loading" } | { kind: "none" } | { kind: "failed"; error: unknown } | { kind: "present"; view: InstanceView };

interface InstanceContextValue {
  status: InstanceStatus;
  /** Reads the status again at once (after create, restart, delete, ...). */
  reload: () => Promise<void>;
}

const InstanceContext = createContext<InstanceContextValue | null>(null);

/** The person's OpenClaw as every screen sees it: one poll of /api/openclaw/status for the whole app. */
export function InstanceProvider({ children }: { children: ReactNode }) {
  const { data, error, reload } = useApiData<InstanceView>("/api/openclaw/status", { pollMs: STATUS_POLL_MS });
  let status: InstanceStatus;
  if (data && !error) status = { kind: "present", view: data };
  else if (error instanceof ApiProblem && error.code === "no_instance") status = { kind: "none" };
  else if (error) status = data ? { kind: "present", view: data } : { kind: "failed", error };
  else status = { kind: "loading" };
  return <InstanceContext value={{ status, reload }}>{children}</InstanceContext>;
}

/** The runtime state of the person's OpenClaw, or null while unknown (or when there is none). */
export function useInstanceState(): InstanceState | null {
  const { status } = useInstance();
  return status.kind === "present" ? status.view.runtime.state : null;
}

export function useInstance(): InstanceContextValue {
  const value = useContext(InstanceContext);
  if (!value) throw new Error("useInstance outside InstanceProvider");
  return value;
}
