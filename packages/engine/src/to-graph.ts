import { InvalidArgumentError } from './errors';
import { opNames } from './op-codes';
import { operand } from './operands';
import { topologicalOrder } from './topological-order';
import { Value } from './value';

/** One node of {@link toGraph}'s answer. */
export interface GraphNode {
  /** Position in `nodes`: operands come before the nodes that use them. */
  index: number;
  /** The node's label, or its op's symbol when it has none (`'*'`, `'dot'`, `'tanh'`). */
  label: string;
  /** The op's symbol (`'leaf'` for a leaf). */
  op: string;
  data: number;
  grad: number;
  /** The node itself, to tell which model part it is (e.g. a parameter's `Value`). */
  value: Value;
}

/** The graph behind a root as plain data: what `toDot` draws, for drawing it some other way. */
export interface GraphData {
  /** Every node, each after its operands; the root is last. */
  nodes: GraphNode[];
  /** `[from, to]` node indices: one per operand, so an operand used twice gives two edges. */
  edges: [number, number][];
}

/**
 * The graph behind `root` as nodes (label, op, data, grad) and operand edges, in topological
 * order, for a page or tool that lays it out itself. Meant for small graphs.
 */
export function toGraph(root: Value): GraphData {
  if (!(root instanceof Value)) {
    throw new InvalidArgumentError({
      argument: 'root',
      method: 'toGraph',
      expected: 'a Value',
      received: root,
    });
  }
  const order = topologicalOrder(root);
  const index = new Map<Value, number>();
  for (const [i, v] of order.entries()) index.set(v, i);
  const nodes: GraphNode[] = [];
  const edges: [number, number][] = [];
  for (const [i, v] of order.entries()) {
    const op = opNames[v.op] ?? '';
    nodes.push({ index: i, label: v.label || op, op, data: v.data, grad: v.grad, value: v });
    for (let k = 0, child = operand(v, 0); child !== null; child = operand(v, ++k)) {
      edges.push([index.get(child)!, i]);
    }
  }
  return { nodes, edges };
}
