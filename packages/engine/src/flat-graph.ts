import { Op } from './op-codes';
import { forEachOperand } from './operands';
import type { Value } from './value';
import { newMark } from './visit-marks';

/**
 * @internal The nodes of the graph behind a root, numbered, with what `compile` needs of them in
 * exactly-sized arrays. Nodes are numbered: the leaves `0 … leafCount − 1`, then the interior
 * nodes, each group in the order the walk met them; every node's `stamp` holds −1 − its number
 * afterwards (see {@link nodeNumber}), so an operand's number is read from the operand itself.
 */
export interface FlatGraph {
  /** The nodes, by number. */
  readonly nodes: Value[];
  /** How many nodes are leaves (they come first). */
  readonly leafCount: number;
  /** The root's number. */
  readonly root: number;
  /** Each node's `op`, by number. */
  readonly ops: Uint8Array;
  /** The node numbers in creation order (by `id`): operands before the nodes that use them. */
  readonly order: Int32Array;
}

/**
 * Reads the graph behind `root` into a {@link FlatGraph}, in two walks without recursion: the
 * first counts, so that the second fills arrays of exactly the right size. Touching fresh memory
 * is what a large graph's compile mostly paid for (growing arrays by doubling, sorting into new
 * ones, a list of every operand), while another visit to a node is cheap.
 */
export function flattenGraph(root: Value): FlatGraph {
  const size = countGraph(root);
  const n = size.leaves + size.interior;
  const nodes = new Array<Value>(n);
  const ops = new Uint8Array(n);
  // Creation order by placing each node at its id (ids usually fill a range not much wider than
  // the graph), else by sorting.
  const placed = size.hi - size.lo < 4 * n;
  const at = placed ? new Int32Array(size.hi - size.lo + 1) : null;
  const ids = placed ? null : new Float64Array(n);
  let leaves = 0;
  let interior = size.leaves;
  const number = (v: Value): number => {
    // Every node the count reached holds its mark until numbered here.
    if (v.stamp !== size.mark) return -1 - v.stamp;
    const i = v.op === Op.leaf ? leaves++ : interior++;
    v.stamp = -1 - i;
    nodes[i] = v;
    ops[i] = v.op;
    if (at !== null) at[v.id - size.lo] = i + 1;
    else ids![i] = v.id;
    return i;
  };
  const rootNumber = number(root);
  // The interior nodes are the walk's queue: their operands are numbered in the order they were.
  for (let q = size.leaves; q < interior; q++) forEachOperand(nodes[q]!, number);
  let order: Int32Array;
  if (at !== null) {
    // Compacted in place: the r-th node found sits at or after place r.
    let r = 0;
    for (let k = 0; k < at.length; k++) if (at[k] !== 0) at[r++] = at[k]! - 1;
    order = at.subarray(0, n);
  } else {
    order = Int32Array.from({ length: n }, (_, i) => i).sort((p, q) => ids![p]! - ids![q]!);
  }
  return { nodes, leafCount: size.leaves, root: rootNumber, ops, order };
}

/**
 * The number `flattenGraph` gave `v` in `graph`, or −1 if `v` is not one of its nodes (its
 * `stamp` may since have been overwritten by another walk, or it may belong to another graph).
 */
export function nodeNumber(graph: Pick<FlatGraph, 'nodes'>, v: Value): number {
  const i = -1 - v.stamp;
  return i >= 0 && i < graph.nodes.length && graph.nodes[i] === v ? i : -1;
}

/** The first walk: how many leaves and interior nodes; the range of ids. */
function countGraph(root: Value) {
  const mark = newMark();
  let leaves = 0;
  let interior = 0;
  let lo = root.id;
  let hi = root.id;
  const stack: Value[] = [];
  const reach = (v: Value): void => {
    if (v.stamp === mark) return;
    v.stamp = mark;
    if (v.id < lo) lo = v.id;
    if (v.id > hi) hi = v.id;
    if (v.op === Op.leaf) leaves++;
    else {
      interior++;
      stack.push(v);
    }
  };
  reach(root);
  for (let v = stack.pop(); v !== undefined; v = stack.pop()) forEachOperand(v, reach);
  return { mark, leaves, interior, lo, hi };
}
