import type { HatcheryNodeData } from "../hatchery-graph.ts";
import { ApprovalInspector, ExecApprovalInspector } from "./ApprovalInspector.tsx";
import { CreateInspector, InstanceInspector } from "./InstanceInspector.tsx";
import { DeviceInspector } from "./DeviceInspector.tsx";
import { SessionInspector } from "./SessionInspector.tsx";
import { MoreSessionsInspector, MoreThreadsInspector } from "./MoreInspector.tsx";
import { NewThreadInspector, ThreadInspector } from "./ThreadInspector.tsx";

/** The panel on the right: the selected node's details and what can be done with it. */
export function Inspector({ node, title, onClose, onChanged }: { node: HatcheryNodeData; title: string; onClose: () => void; onChanged: () => void }) {
  return (
    <aside className="inspector" aria-label={`Inspector: ${title}`}>
      <header className="inspector-header">
        <h2 className="inspector-title">{title}</h2>
        <button type="button" className="icon-button" aria-label="Close the inspector" onClick={onClose}>
          ✕
        </button>
      </header>
      <div className="inspector-body stack">
        <InspectorBody node={node} onChanged={onChanged} />
      </div>
    </aside>
  );
}

function InspectorBody({ node, onChanged }: { node: HatcheryNodeData; onChanged: () => void }) {
  switch (node.kind) {
    case "instance":
      return <InstanceInspector view={node.view} />;
    case "create":
      return <CreateInspector />;
    case "new-thread":
      return <NewThreadInspector />;
    case "thread":
      return <ThreadInspector thread={node.thread} pendingApprovals={node.pendingApprovals} />;
    case "approval":
      return <ApprovalInspector approval={node.approval} onResolved={onChanged} />;
    case "exec-approval":
      return <ExecApprovalInspector approval={node.approval} onResolved={onChanged} />;
    case "session":
      return <SessionInspector session={node.session} />;
    case "device":
      return <DeviceInspector device={node.device} pending={node.pending} />;
    case "more-threads":
      return <MoreThreadsInspector threads={node.threads} />;
    case "more-sessions":
      return <MoreSessionsInspector sessions={node.sessions} />;
  }
}
