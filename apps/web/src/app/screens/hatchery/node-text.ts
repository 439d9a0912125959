import type { InstanceState } from "@openclaw-cloud/contracts/web-views";
import { relativeTime } from "../chat/relative-time.ts";
import { deviceKind, deviceName } from "../devices/device-view.ts";
import type { HatcheryNodeData } from "./hatchery-graph.ts";

/** What a node card says: its kind, its name, one line of detail, and whether it wants attention. */
export interface NodeText {
  kind: string;
  title: string;
  detail: string | null;
  /** "attention": waiting for the person (an approval, a device request); "call": something to start. */
  tone: "plain" | "attention" | "call";
  /** The instance's lifecycle state, shown as its badge. */
  state?: InstanceState | null;
}

/** A node's card text. Pure; `now` makes the "active 5 min ago" testable. */
export function nodeText(data: HatcheryNodeData, now: number): NodeText {
  switch (data.kind) {
    case "instance":
      return {
        kind: "OpenClaw Cloud",
        title: data.view.runtime.agent?.name ?? "Your OpenClaw",
        detail: modelOf(data.view),
        tone: "plain",
        state: data.view.runtime.state,
      };
    case "create":
      return { kind: "OpenClaw Cloud", title: "Create your OpenClaw", detail: "Your own gateway in the cloud, ready in about a minute.", tone: "call" };
    case "new-thread":
      return { kind: "Chat", title: "Start a chat", detail: "Ask your agent; it can use your OpenClaw for you.", tone: "call" };
    case "thread": {
      const waiting = data.pendingApprovals > 0 ? `${data.pendingApprovals} waiting for you · ` : "";
      return { kind: "Chat", title: data.thread.title, detail: `${waiting}active ${relativeTime(data.thread.updatedAt, now)}`, tone: data.pendingApprovals > 0 ? "attention" : "plain" };
    }
    case "approval":
      return { kind: "Approval", title: data.approval.payload.toolName, detail: data.approval.payload.summary, tone: "attention" };
    case "exec-approval":
      return { kind: "OpenClaw asks to run", title: data.approval.command, detail: data.approval.cwd ? `in ${data.approval.cwd}` : null, tone: "attention" };
    case "session":
      return {
        kind: data.session.channel && data.session.group === "channel" ? `Session · ${data.session.channel}` : "Session",
        title: data.session.title,
        detail: data.session.preview ?? (data.session.updatedAt ? `active ${relativeTime(data.session.updatedAt, now)}` : null),
        tone: "plain",
      };
    case "more-threads":
      return { kind: "Chat", title: `${data.threads.length} more chats`, detail: `last active ${relativeTime(data.threads[0]!.updatedAt, now)}`, tone: "plain" };
    case "more-sessions":
      return { kind: "Session", title: `${data.sessions.length} more sessions`, detail: "Select to see them all", tone: "plain" };
    case "device":
      return {
        kind: data.pending ? "Device asks to pair" : "Device",
        title: deviceName(data.device),
        detail: data.pending ? deviceKind(data.device) : "connected" in data.device && data.device.connected ? `${deviceKind(data.device)} · connected` : deviceKind(data.device),
        tone: data.pending ? "attention" : "plain",
      };
  }
}

function modelOf(view: Extract<HatcheryNodeData, { kind: "instance" }>["view"]): string {
  const model = view.runtime.model ?? { provider: view.instance.provider, model: view.instance.model };
  return `${model.provider}/${model.model}`;
}
