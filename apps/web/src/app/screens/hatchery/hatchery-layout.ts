/**
 * Where each node of the Hatchery sits: one column per kind, left to right in the order
 * given, each column's nodes top to bottom in the order given. A column longer than
 * `maxRows` wraps into more sub-columns, so fifty sessions make a block, not a tower that
 * fit-view would shrink to nothing. Pure, so it is tested without a canvas.
 */

export interface LayoutColumn {
  key: string;
  /** The nodes' ids, in the order they are shown (already sorted). */
  ids: readonly string[];
}

export interface LayoutOptions {
  nodeWidth: number;
  nodeHeight: number;
  /** Space between two nodes of the same column, across and down. */
  gap: number;
  /** Space between two columns of different kinds. */
  columnGap: number;
  /** Nodes per sub-column before a column wraps. */
  maxRows: number;
  /** Room above the nodes for the column's heading. */
  headerHeight: number;
}

export const DEFAULT_LAYOUT: LayoutOptions = { nodeWidth: 230, nodeHeight: 72, gap: 16, columnGap: 110, maxRows: 10, headerHeight: 44 };

export interface Point {
  x: number;
  y: number;
}

export interface HatcheryLayout {
  /** Top-left corner of each node. */
  positions: Map<string, Point>;
  /** Each column's heading: its top-left corner and the width its nodes take. */
  headers: Array<{ key: string; x: number; y: number; width: number }>;
}

/** Lays columns out side by side, top-aligned under their headings. */
export function layoutColumns(columns: readonly LayoutColumn[], options: LayoutOptions = DEFAULT_LAYOUT): HatcheryLayout {
  const positions = new Map<string, Point>();
  const headers: HatcheryLayout["headers"] = [];
  let x = 0;
  for (const column of columns) {
    const subColumns = Math.max(1, Math.ceil(column.ids.length / options.maxRows));
    column.ids.forEach((id, index) => {
      const sub = Math.floor(index / options.maxRows);
      const row = index % options.maxRows;
      positions.set(id, {
        x: x + sub * (options.nodeWidth + options.gap),
        y: options.headerHeight + row * (options.nodeHeight + options.gap),
      });
    });
    const width = subColumns * options.nodeWidth + (subColumns - 1) * options.gap;
    headers.push({ key: column.key, x, y: 0, width });
    x += width + options.columnGap;
  }
  return { positions, headers };
}
