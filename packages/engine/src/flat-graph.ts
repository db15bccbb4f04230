import { keepAlive } from './keep-alive';
import { Op } from './op-codes';
import type { Value } from './value';
import { newMark } from './visit-marks';

/**
 * @internal The nodes of the graph behind a root, numbered in creation order (by `id`), so that
 * operands come before the nodes that use them and the root is last; with what `compile` needs of
 * them in exactly-sized arrays. Every node's `stamp` holds −1 − its number afterwards (see
 * {@link nodeNumber}), so an operand's number is read from the operand itself.
 *
 * A class with one instance kept alive (below), not an object literal: V8 drops the hidden class
 * of a literal once none of its objects is alive (after each training's garbage is collected), and
 * with it the type feedback of the code that reads it, which then deoptimises on the next compile.
 */
export class FlatGraph {
  /** The nodes, by number: in creation order. */
  readonly nodes: Value[];
  /** How many nodes are leaves. */
  readonly leafCount: number;
  /** The numbers of the interior nodes, in creation order. */
  readonly interior: Int32Array;
  /** Each node's `op`, by number. */
  readonly ops: Uint8Array;

  constructor(nodes: Value[], leafCount: number, interior: Int32Array, ops: Uint8Array) {
    this.nodes = nodes;
    this.leafCount = leafCount;
    this.interior = interior;
    this.ops = ops;
  }
}

keepAlive(new FlatGraph([], 0, new Int32Array(0), new Uint8Array(0)));

/**
 * Reads the graph behind `root` into a {@link FlatGraph}: a first walk counts the nodes, a second
 * one (a queue, without recursion) lists them in an array of exactly that size, then they are put
 * in creation order by placing each at its id (ids usually fill a range not much wider than the
 * graph), else by sorting. Counting first costs less than a list grown node by node, and the
 * listing walk marks the places and the placing pass numbers the nodes, so no other pass touches
 * every node: at a million parameters this took flatten from about 230 to 130 ms.
 *
 * NOTE: `compile` runs once per training, so its loops mostly run cold (interpreted, or in code V8
 * optimises on the fly). So every pass over the nodes is a plain loop in a small function of its
 * own that calls no closure per node and starts with its loop: the caller allocates and reads
 * every object's fields. V8 gives a function its type feedback only once it is warm, which for a
 * function called once per training happens inside its first loop; anything before that loop then
 * has no feedback in the code optimised at the next call, which deoptimises on reaching it.
 */
export function flattenGraph(root: Value): FlatGraph {
  // Out: [lowest id, interior nodes, all nodes]. The root is the newest node: its operands were
  // all made before it.
  const counted = Int32Array.of(root.id, 0, 1);
  const stack: Value[] = [];
  if (root.op !== Op.leaf) stack.push(root);
  root.stamp = newMark();
  countNodes(stack, root.stamp, counted);
  const lo = counted[0]!;
  const interiorCount = counted[1]!;
  const n = counted[2]!;
  const found = new Array<Value>(n);
  found[0] = root;
  const mark = newMark();
  root.stamp = mark;
  const span = root.id - lo + 1;
  // Each listed node's place + 1, by id − lo, when the ids fill a range not much wider than the
  // graph (then no sort is needed); empty otherwise.
  const at = new Int32Array(span < 4 * n ? span : 0);
  if (at.length > 0) at[root.id - lo] = 1;
  walk(found, mark, at, lo);
  const ops = new Uint8Array(n);
  const interior = new Int32Array(interiorCount);
  let nodes: Value[];
  if (at.length > 0) {
    nodes = new Array<Value>(n);
    placeAndNumber(at, found, nodes, ops, interior);
  } else {
    nodes = sortById(found);
    numberNodes(nodes, ops, interior);
  }
  return new FlatGraph(nodes, n - interiorCount, interior, ops);
}

/**
 * The counting walk: pops the interior nodes from `stack` (only they go on it) and counts what
 * they reach; adds to `counted` = [lowest id, interior nodes, all nodes].
 */
function countNodes(stack: Value[], mark: number, counted: Int32Array): void {
  let interior = 0;
  for (let v = stack.pop(); v !== undefined; v = stack.pop()) {
    interior++;
    const op = v.op;
    if (op === Op.sum) countAll(v.terms!, mark, stack, counted);
    else if (op === Op.dot || op === Op.neuron) {
      countAll(v.terms!, mark, stack, counted);
      countAll(v.inputs!, mark, stack, counted);
      if (v.a !== null) countOne(v.a, mark, stack, counted);
    } else {
      countOne(v.a!, mark, stack, counted);
      if (v.b !== null) countOne(v.b, mark, stack, counted);
    }
  }
  counted[1] = counted[1]! + interior;
}

/** Counts the operands in `list` not reached yet; stacks the interior ones. */
function countAll(list: readonly Value[], mark: number, stack: Value[], counted: Int32Array): void {
  let lo = counted[0]!;
  let reached = 0;
  for (let k = 0; k < list.length; k++) {
    const v = list[k]!;
    if (v.stamp === mark) continue;
    v.stamp = mark;
    reached++;
    if (v.id < lo) lo = v.id;
    if (v.op !== Op.leaf) stack.push(v);
  }
  counted[0] = lo;
  counted[2] = counted[2]! + reached;
}

/** {@link countAll} for one operand. */
function countOne(v: Value, mark: number, stack: Value[], counted: Int32Array): void {
  if (v.stamp === mark) return;
  v.stamp = mark;
  counted[2] = counted[2]! + 1;
  if (v.id < counted[0]!) counted[0] = v.id;
  if (v.op !== Op.leaf) stack.push(v);
}

/**
 * The listing walk: visits the nodes of `found` in order (a queue), appending those not reached
 * yet, and marks each one's place in `at` (if not empty) by its id − `lo`.
 */
function walk(found: Value[], mark: number, at: Int32Array, lo: number): void {
  let end = 1;
  for (let q = 0; q < end; q++) {
    const v = found[q]!;
    const op = v.op;
    if (op === Op.leaf) continue;
    if (op === Op.sum) end = reachAll(v.terms!, mark, found, end, at, lo);
    else if (op === Op.dot || op === Op.neuron) {
      end = reachAll(v.terms!, mark, found, end, at, lo);
      end = reachAll(v.inputs!, mark, found, end, at, lo);
      if (v.a !== null) end = reachOne(v.a, mark, found, end, at, lo);
    } else {
      end = reachOne(v.a!, mark, found, end, at, lo);
      if (v.b !== null) end = reachOne(v.b, mark, found, end, at, lo);
    }
  }
}

/** Numbers the nodes by their place: stamps, ops and the interior nodes' numbers. */
function numberNodes(nodes: Value[], ops: Uint8Array, interior: Int32Array): void {
  let m = 0;
  for (let i = 0; i < nodes.length; i++) {
    const v = nodes[i]!;
    v.stamp = -1 - i;
    const op = v.op;
    ops[i] = op;
    if (op !== Op.leaf) interior[m++] = i;
  }
}

/**
 * The number `flattenGraph` gave `v` in `graph`, or −1 if `v` is not one of its nodes (its
 * `stamp` may since have been overwritten by another walk, or it may belong to another graph).
 */
export function nodeNumber(graph: Pick<FlatGraph, 'nodes'>, v: Value): number {
  const i = -1 - v.stamp;
  return i >= 0 && i < graph.nodes.length && graph.nodes[i] === v ? i : -1;
}

/**
 * Lists the operands in `list` that the walk has not reached yet from `found[end]` on, marking
 * their places in `at` (see {@link walk}); returns the new end.
 */
function reachAll(
  list: readonly Value[],
  mark: number,
  found: Value[],
  end: number,
  at: Int32Array,
  lo: number,
): number {
  const placed = at.length > 0;
  for (let k = 0; k < list.length; k++) {
    const v = list[k]!;
    if (v.stamp === mark) continue;
    v.stamp = mark;
    found[end++] = v;
    if (placed) at[v.id - lo] = end;
  }
  return end;
}

/** {@link reachAll} for one operand. */
function reachOne(
  v: Value,
  mark: number,
  found: Value[],
  end: number,
  at: Int32Array,
  lo: number,
): number {
  if (v.stamp === mark) return end;
  v.stamp = mark;
  found[end] = v;
  if (at.length > 0) at[v.id - lo] = end + 1;
  return end + 1;
}

/**
 * Puts the nodes `at` marks into `nodes` in the order of `at` (by id), numbering them as it goes
 * (as {@link numberNodes} does): one pass over the nodes instead of two.
 */
function placeAndNumber(
  at: Int32Array,
  byWalk: readonly Value[],
  nodes: Value[],
  ops: Uint8Array,
  interior: Int32Array,
): void {
  let r = 0;
  let m = 0;
  for (let s = 0; s < at.length; s++) {
    if (at[s] === 0) continue;
    const v = byWalk[at[s]! - 1]!;
    nodes[r] = v;
    v.stamp = -1 - r;
    const op = v.op;
    ops[r] = op;
    if (op !== Op.leaf) interior[m++] = r;
    r++;
  }
}

/** The nodes in creation order, by sorting their ids (when the ids are spread far apart). */
function sortById(found: Value[]): Value[] {
  return found.sort((p, q) => p.id - q.id);
}
