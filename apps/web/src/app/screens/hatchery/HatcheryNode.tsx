import { Handle, Position, type Node, type NodeProps } from "@xyflow/react";
import { StateBadge } from "../../components/StateBadge.tsx";
import type { HatcheryNodeData } from "./hatchery-graph.ts";
import type { NodeText } from "./node-text.ts";

/** A card on the canvas: the node's meaning (for the inspector) and its text (precomputed). */
export type HatcheryFlowNode = Node<{ meaning: HatcheryNodeData; text: NodeText }, "card">;
export type HeadingFlowNode = Node<{ label: string; count: number }, "heading">;

/** One node: its kind, name and one line, coloured by kind; edges leave right, arrive left. */
export function HatcheryCard({ data, selected }: NodeProps<HatcheryFlowNode>) {
  const { text, meaning } = data;
  return (
    <div className={`hatchery-node hatchery-node-${meaning.kind} hatchery-tone-${text.tone}${selected ? " hatchery-node-selected" : ""}`}>
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <div className="hatchery-node-kind">
        <span>{text.kind}</span>
        {text.state !== undefined ? <StateBadge state={text.state} /> : null}
      </div>
      <div className="hatchery-node-title">{text.title}</div>
      {text.detail ? <div className="hatchery-node-detail">{text.detail}</div> : null}
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
}

/** A column's heading above its cards ("Sessions · 50"). */
export function ColumnHeading({ data }: NodeProps<HeadingFlowNode>) {
  return (
    <div className="hatchery-heading">
      {data.label}
      {data.count > 0 ? <span className="muted"> · {data.count}</span> : null}
    </div>
  );
}

export const HATCHERY_NODE_TYPES = { card: HatcheryCard, heading: ColumnHeading };
