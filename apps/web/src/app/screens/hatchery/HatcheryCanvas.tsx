import { Background, Controls, MiniMap, ReactFlow, ReactFlowProvider, useNodesInitialized, useReactFlow, type Edge } from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useEffect, useMemo } from "react";
import type { HatcheryColumn, HatcheryEdge } from "./hatchery-graph.ts";
import { DEFAULT_LAYOUT, layoutColumns } from "./hatchery-layout.ts";
import { HATCHERY_NODE_TYPES, type HatcheryFlowNode, type HeadingFlowNode } from "./HatcheryNode.tsx";
import { nodeText } from "./node-text.ts";

interface HatcheryCanvasProps {
  columns: HatcheryColumn[];
  edges: HatcheryEdge[];
  selectedId: string | null;
  onSelect: (id: string | null) => void;
}

/** The pannable, zoomable picture: cards in columns (laid out by layoutColumns), edges between them. */
export function HatcheryCanvas(props: HatcheryCanvasProps) {
  return (
    <ReactFlowProvider>
      <Flow {...props} />
    </ReactFlowProvider>
  );
}

function Flow({ columns, edges, selectedId, onSelect }: HatcheryCanvasProps) {
  const now = Date.now();
  const nodes = useMemo(() => {
    const layout = layoutColumns(columns.map((column) => ({ key: column.key, ids: column.nodes.map((node) => node.id) })));
    const headings: HeadingFlowNode[] = layout.headers.map((header, i) => ({
      id: `heading:${header.key}`,
      type: "heading",
      position: { x: header.x, y: header.y },
      data: { label: columns[i]!.label, count: columns[i]!.nodes.filter((node) => node.data.kind !== "new-thread" && node.data.kind !== "create").length },
      selectable: false,
      focusable: false,
      style: { width: header.width },
    }));
    const cards: HatcheryFlowNode[] = columns.flatMap((column) =>
      column.nodes.map((node) => {
        const text = nodeText(node.data, now);
        return {
          id: node.id,
          type: "card",
          position: layout.positions.get(node.id)!,
          data: { meaning: node.data, text },
          selected: node.id === selectedId,
          ariaLabel: `${text.kind}: ${text.title}`,
          style: { width: DEFAULT_LAYOUT.nodeWidth, height: DEFAULT_LAYOUT.nodeHeight },
        };
      }),
    );
    return [...headings, ...cards];
    // `now` only ages the "active 5 min ago" lines; the data refreshes often enough for that.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [columns, selectedId]);
  const flowEdges: Edge[] = useMemo(
    () => edges.map((edge) => ({ ...edge, animated: edge.source.startsWith("thread:"), selectable: false, focusable: false })),
    [edges],
  );

  return (
    <ReactFlow
      nodes={nodes}
      edges={flowEdges}
      nodeTypes={HATCHERY_NODE_TYPES}
      onNodeClick={(_, node) => node.type === "card" && onSelect(node.id)}
      onPaneClick={() => onSelect(null)}
      nodesDraggable={false}
      nodesConnectable={false}
      elementsSelectable
      fitView
      fitViewOptions={FIT}
      minZoom={0.2}
      maxZoom={1.5}
    >
      <FitWhenNodesChange count={nodes.length} />
      <Background gap={24} />
      <Controls showInteractive={false} />
      <MiniMap pannable zoomable ariaLabel="Overview of the Hatchery" nodeClassName={(node) => (node.type === "card" ? `minimap-${(node as HatcheryFlowNode).data.meaning.kind}` : "minimap-heading")} />
    </ReactFlow>
  );
}

/** Never zoom in past 100% (a few nodes would look huge); a big picture may zoom out to fit. */
const FIT = { padding: 0.12, maxZoom: 1, minZoom: 0.35 };

/**
 * Fits the view again when nodes come or go (sessions and devices load after the first
 * paint), once they are measured: fitting unmeasured nodes leaves the view empty.
 */
function FitWhenNodesChange({ count }: { count: number }) {
  const flow = useReactFlow();
  const measured = useNodesInitialized();
  useEffect(() => {
    if (measured) void flow.fitView(FIT);
  }, [measured, count, flow]);
  return null;
}
