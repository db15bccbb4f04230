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
 * Reads the graph behind `root` into a {@link FlatGraph}: one walk without recursion collects
 * the nodes, then they are put in creation order by placing each at its id (ids usually fill a
 * range not much wider than the graph), else by sorting.
 *
 * NOTE: `compile` runs once per training, so its loops mostly run cold (interpreted, or in code V8
 * optimises on the fly). So every pass over the nodes is a plain loop in a small function of its
 * own that calls no closure per node and starts with its loop: the caller allocates and reads
 * every object's fields. V8 gives a function its type feedback only once it is warm, which for a
 * function called once per training happens inside its first loop; anything before that loop then
 * has no feedback in the code optimised at the next call, which deoptimises on reaching it.
 */
export function flattenGraph(root: Value): FlatGraph {
  const mark = newMark();
  root.stamp = mark;
  const found: Value[] = [root];
  // The root is the newest node: its operands were all made before it. Out: [lowest id, interior].
  const walked = Int32Array.of(root.id, 0);
  walk(found, mark, walked);
  const lo = walked[0]!;
  const interiorCount = walked[1]!;
  const n = found.length;
  const span = root.id - lo + 1;
  let nodes = found;
  if (span < 4 * n) {
    const at = new Int32Array(span);
    placeAt(found, lo, at);
    // In place: the list of found nodes becomes the list in creation order.
    compactInto(at, found.slice(), found);
  } else nodes = sortById(found);
  const ops = new Uint8Array(n);
  const interior = new Int32Array(interiorCount);
  numberNodes(nodes, ops, interior);
  return new FlatGraph(nodes, n - interiorCount, interior, ops);
}

/**
 * The walk: visits the nodes in `found` in order (a queue), appending the operands not reached
 * yet; writes the lowest id and the number of interior nodes into `walked` (starting from its
 * values).
 */
function walk(found: Value[], mark: number, walked: Int32Array): void {
  let lo = walked[0]!;
  let interiorCount = walked[1]!;
  for (let q = 0; q < found.length; q++) {
    const v = found[q]!;
    const op = v.op;
    if (op === Op.leaf) continue;
    interiorCount++;
    if (op === Op.sum) lo = reachAll(v.terms!, mark, found, lo);
    else if (op === Op.dot) {
      lo = reachAll(v.terms!, mark, found, lo);
      lo = reachAll(v.inputs!, mark, found, lo);
      if (v.a !== null) lo = reachOne(v.a, mark, found, lo);
    } else {
      lo = reachOne(v.a!, mark, found, lo);
      if (v.b !== null) lo = reachOne(v.b, mark, found, lo);
    }
  }
  walked[0] = lo;
  walked[1] = interiorCount;
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

/** Adds the operands in `list` that the walk has not reached yet to `found`; returns the lowest id. */
function reachAll(list: readonly Value[], mark: number, found: Value[], lo: number): number {
  for (let k = 0; k < list.length; k++) {
    const v = list[k]!;
    if (v.stamp === mark) continue;
    v.stamp = mark;
    found.push(v);
    if (v.id < lo) lo = v.id;
  }
  return lo;
}

/** {@link reachAll} for one operand. */
function reachOne(v: Value, mark: number, found: Value[], lo: number): number {
  if (v.stamp === mark) return lo;
  v.stamp = mark;
  found.push(v);
  return Math.min(v.id, lo);
}

/** Marks the place of each found node in `at`, indexed by its id − `lo`: its index in `found` + 1. */
function placeAt(found: readonly Value[], lo: number, at: Int32Array): void {
  for (let k = 0; k < found.length; k++) at[found[k]!.id - lo] = k + 1;
}

/** Writes the nodes `at` marks into `out` in the order of `at` (by id): `out[r] = byWalk[…]`. */
function compactInto(at: Int32Array, byWalk: readonly Value[], out: Value[]): void {
  let r = 0;
  for (let s = 0; s < at.length; s++) if (at[s] !== 0) out[r++] = byWalk[at[s]! - 1]!;
}

/** The nodes in creation order, by sorting their ids (when the ids are spread far apart). */
function sortById(found: Value[]): Value[] {
  return found.sort((p, q) => p.id - q.id);
}
