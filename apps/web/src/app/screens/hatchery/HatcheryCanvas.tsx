import { Background, Controls, getNodesBounds, getViewportForBounds, MiniMap, ReactFlow, ReactFlowProvider, useReactFlow, useStore, type Edge, type Node } from "@xyflow/react";
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
  // biome-ignore lint/correctness/useExhaustiveDependencies: `now` only ages the "active 5 min ago" lines; the data refreshes often enough for that
  const nodes = useMemo(() => {
    const layout = layoutColumns(columns.map((column) => ({ key: column.key, ids: column.nodes.map((node) => node.id) })));
    const headings: HeadingFlowNode[] = layout.headers.map((header, i) => ({
      id: `heading:${header.key}`,
      type: "heading",
      position: { x: header.x, y: header.y },
      data: { label: columns[i]!.label, count: columns[i]!.total },
      selectable: false,
      focusable: false,
      // Sizes given up front (React Flow 12's fixed dimensions): the view can be fitted
      // before the browser has measured anything.
      width: header.width,
      height: HEADING_HEIGHT,
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
          width: DEFAULT_LAYOUT.nodeWidth,
          height: DEFAULT_LAYOUT.nodeHeight,
          style: { width: DEFAULT_LAYOUT.nodeWidth, height: DEFAULT_LAYOUT.nodeHeight },
        };
      }),
    );
    return [...headings, ...cards];
  }, [columns, selectedId]);
  const flowEdges: Edge[] = useMemo(() => edges.map((edge) => ({ ...edge, animated: edge.source.startsWith("thread:"), selectable: false, focusable: false })), [edges]);

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
      minZoom={0.2}
      maxZoom={1.5}
    >
      <FitWhenNodesChange nodes={nodes} />
      <Background gap={24} />
      <Controls showInteractive={false} />
      <MiniMap
        pannable
        zoomable
        ariaLabel="Overview of the Hatchery"
        nodeClassName={(node) => (node.type === "card" ? `minimap-${(node as HatcheryFlowNode).data.meaning.kind}` : "minimap-heading")}
      />
    </ReactFlow>
  );
}

/** Never zoom in past 100% (a few nodes would look huge); a big picture may zoom out to fit. */
const FIT = { padding: 0.12, maxZoom: 1, minZoom: 0.35 };

/** A column heading's height on the canvas (its text line and rule). */
const HEADING_HEIGHT = 32;

/**
 * Fits the view when nodes come or go (sessions, approvals and chats load after the first
 * paint; one can replace another) and whenever the canvas's measured size changes (its
 * first measurement, the inspector opening or closing, a resized window). The viewport is
 * computed here from the layout's positions and sizes and set at once: React Flow's own
 * `fitView` waits for its next node measurement, which nodes added later may already have
 * had, leaving them off-screen.
 */
function FitWhenNodesChange({ nodes }: { nodes: Node[] }) {
  const flow = useReactFlow();
  const width = useStore((state) => state.width);
  const height = useStore((state) => state.height);
  const nodeIds = nodes.map((node) => node.id).join("\n");
  // biome-ignore lint/correctness/useExhaustiveDependencies: the ids say when the picture changed; a new array with the same nodes is no reason to refit
  useEffect(() => {
    if (width === 0 || height === 0 || nodes.length === 0) return;
    void flow.setViewport(getViewportForBounds(getNodesBounds(nodes), width, height, FIT.minZoom, FIT.maxZoom, FIT.padding));
  }, [nodeIds, width, height, flow]);
  return null;
}
