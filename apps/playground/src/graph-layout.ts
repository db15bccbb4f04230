import { Graph, layout } from '@dagrejs/dagre';
import type { GraphSnapshot } from './protocol';

/** Where each node and edge of a graph goes: boxes by their centre, edges as polylines. */
export interface GraphLayout {
  width: number;
  height: number;
  nodes: { x: number; y: number; width: number; height: number }[];
  edges: { x: number; y: number }[][];
}

/** Height of a node box, and the widths of its data and grad cells. */
export const nodeHeight = 22;
export const numberCellWidth = 92;
const characterWidth = 6.6;

/** A node's label cell width, from its text. */
export function labelCellWidth(label: string): number {
  return Math.max(28, Math.ceil(label.length * characterWidth) + 12);
}

/**
 * Lays the graph out left to right like Graphviz's `dot` in micrograd's `draw_dot` (dagre: layered,
 * crossing-reduced), node boxes sized for `label | data | grad`. Depends only on the structure,
 * so a caller can keep it for as long as `graph.key` stays the same.
 */
export function layoutGraph(graph: Pick<GraphSnapshot, 'nodes' | 'edges'>): GraphLayout {
  const g = new Graph({ multigraph: true });
  g.setGraph({ rankdir: 'LR', nodesep: 6, ranksep: 48, marginx: 12, marginy: 12 });
  g.setDefaultEdgeLabel(() => ({}));
  graph.nodes.forEach((node, i) => {
    g.setNode(String(i), {
      width: labelCellWidth(node.label) + 2 * numberCellWidth,
      height: nodeHeight,
    });
  });
  for (const [i, [from, to]] of graph.edges.entries()) {
    g.setEdge(String(from), String(to), {}, `e${i}`);
  }
  layout(g);
  const nodes = graph.nodes.map((_, i) => {
    const n = g.node(String(i));
    return { x: n.x, y: n.y, width: n.width, height: n.height };
  });
  const edges = graph.edges.map(([from, to], i) =>
    (g.edge(String(from), String(to), `e${i}`)?.points ?? []).map(
      (p: { x: number; y: number }) => ({ x: p.x, y: p.y }),
    ),
  );
  const { width = 0, height = 0 } = g.graph();
  return { width, height, nodes, edges };
}
