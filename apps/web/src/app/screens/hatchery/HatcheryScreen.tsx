import { useMemo, useState } from "react";
import { messageForError } from "../../api/error-messages.ts";
import { useInstance } from "../../instance.tsx";
import { Link } from "../../router.tsx";
import { hatcheryGraph } from "./hatchery-graph.ts";
import { HatcheryCanvas } from "./HatcheryCanvas.tsx";
import { Inspector } from "./inspector/Inspector.tsx";
import { nodeText } from "./node-text.ts";
import { useHatcheryData } from "./use-hatchery-data.ts";

/**
 * `/`: the Hatchery. The person's chats, approvals, OpenClaw, sessions and devices on one
 * canvas; a selected node opens the inspector on the right. Loaded lazily: React Flow is
 * the biggest library of the app.
 */
export default function HatcheryScreen() {
  const { input, missing, reload } = useHatcheryData();
  const noInstance = useInstance().status.kind === "none";
  // biome-ignore lint/correctness/useExhaustiveDependencies: the input object is new on every render; its parts say when the graph changed
  const graph = useMemo(() => hatcheryGraph(input), [input.instance, input.threads, input.approvals, input.execApprovals, input.sessions, input.devices]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const selected = graph.columns.flatMap((column) => column.nodes).find((node) => node.id === selectedId) ?? null;
  return (
    <section className="hatchery" aria-labelledby="hatchery-title">
      <header className="hatchery-header">
        <div>
          <h1 id="hatchery-title">Hatchery</h1>
          <p className="muted small">Your chats, your OpenClaw and everything that belongs to it. Select a card to see it and act on it.</p>
        </div>
        <button type="button" className="button button-small" onClick={reload}>
          Refresh
        </button>
      </header>
      {noInstance ? (
        <div className="notice notice-info hatchery-cta">
          <span>You do not have an OpenClaw yet: your own AI gateway in the cloud, ready in about a minute.</span>
          <Link to="/create" className="button button-primary button-small">
            Create your OpenClaw
          </Link>
        </div>
      ) : null}
      {missing.length > 0 ? (
        <p className="notice notice-warning small hatchery-missing">Not shown just now: {missing.map((part) => `${part.what} (${messageForError(part.error)})`).join("; ")}</p>
      ) : null}
      <div className={selected ? "hatchery-body hatchery-body-inspecting" : "hatchery-body"}>
        <section className="hatchery-canvas" aria-label="Hatchery canvas">
          <HatcheryCanvas columns={graph.columns} edges={graph.edges} selectedId={selected?.id ?? null} onSelect={setSelectedId} />
        </section>
        {selected ? <Inspector key={selected.id} node={selected.data} title={nodeText(selected.data, Date.now()).title} onClose={() => setSelectedId(null)} onChanged={reload} /> : null}
      </div>
    </section>
  );
}
