import { Op } from './op-codes';
import type { Value } from './value';

/**
 * @internal `compile`'s slot layout. The storage slot of each node, by number: the leaves shared by every sample first, then the
 * per-sample leaves (bit 2 of `kind`), each in creation order, then interior nodes by depth
 * (longest path from a leaf), keeping their creation order within a depth. In a network this puts
 * each layer's outputs, like each neuron's weights, in consecutive slots, which lets the tape read
 * them as plain runs. A counting sort: linear in the graph's size. Also counts each node's uses
 * as an operand into `uses`, and puts in `counts` how many leaves are shared and how many operand
 * places the instructions of sums and dots may need. (Arrays in, no object out: see `FlatGraph`.)
 */
export function layout(
  nodes: readonly Value[],
  ops: Uint8Array,
  interior: Int32Array,
  kind: Uint8Array,
  uses: Uint8Array,
  counts: Int32Array,
): Int32Array {
  // Bucket 0: shared leaves; 1: per-sample leaves; d + 1: interior nodes of depth d ≥ 1. Operands
  // come before their users in creation order, so each operand's bucket is known when needed.
  const bucket = new Int32Array(ops.length);
  leafBuckets(ops, kind, bucket);
  // Out: the deepest bucket, the operand places.
  const found = Int32Array.of(1, 0);
  interiorBuckets(nodes, ops, interior, bucket, uses, found);
  const next = new Int32Array(found[0]! + 2);
  countBuckets(bucket, next);
  counts[0] = next[1]!;
  counts[1] = found[1]!;
  // In place: each node's bucket becomes its slot.
  bucketsToSlots(bucket, next);
  return bucket;
}

/**
 * Puts each interior node (by creation order) in bucket 1 + its depth, counting its operands'
 * uses; writes the deepest bucket and the operand places of sums and dots into `found` (starting
 * from its values).
 */
function interiorBuckets(
  nodes: readonly Value[],
  ops: Uint8Array,
  interior: Int32Array,
  bucket: Int32Array,
  uses: Uint8Array,
  found: Int32Array,
): void {
  let deepest = found[0]!;
  let operandCount = found[1]!;
  for (let r = 0; r < interior.length; r++) {
    const i = interior[r]!;
    const op = ops[i]!;
    const v = nodes[i]!;
    // An interior node's depth is at least 1, even a `sum` of nothing: d is its operands' deepest
    // bucket (their depth + 1), at least 1.
    let d = 1;
    if (v.terms !== null) d = useAll(v.terms, bucket, uses, d);
    if (v.inputs !== null) d = useAll(v.inputs, bucket, uses, d);
    if (v.a !== null) d = useOne(v.a, bucket, uses, d);
    if (v.b !== null) d = useOne(v.b, bucket, uses, d);
    bucket[i] = d + 1;
    if (d + 1 > deepest) deepest = d + 1;
    if (op === Op.sum) operandCount += 4 * v.terms!.length;
    else if (op === Op.dot || op === Op.neuron) operandCount += 2 * v.terms!.length;
  }
  found[0] = deepest;
  found[1] = operandCount;
}

/**
 * Counting sort, first half: afterwards `next[b]` is where bucket b's slots start (so `next[1]`
 * is how many leaves are shared); `next` must hold zeros, two more than the deepest bucket.
 */
function countBuckets(bucket: Int32Array, next: Int32Array): void {
  for (let i = 0; i < bucket.length; i++) next[bucket[i]! + 1]!++;
  for (let d = 1; d < next.length; d++) next[d]! += next[d - 1]!;
}

/** Counting sort, second half: each node's bucket becomes its slot, in creation order in a bucket. */
function bucketsToSlots(bucket: Int32Array, next: Int32Array): void {
  for (let i = 0; i < bucket.length; i++) bucket[i] = next[bucket[i]!]!++;
}

/** Puts each leaf in bucket 0 (shared by every sample) or 1 (per-sample: bit 2 of `kind`). */
function leafBuckets(ops: Uint8Array, kind: Uint8Array, bucket: Int32Array): void {
  for (let i = 0; i < ops.length; i++) if (ops[i] === Op.leaf) bucket[i] = (kind[i]! & 2) >> 1;
}

/** Counts a use of each operand in `list`; returns the deepest of their buckets and `d`. */
function useAll(list: readonly Value[], bucket: Int32Array, uses: Uint8Array, d: number): number {
  for (let k = 0; k < list.length; k++) {
    // While compiling, a node's number is in its stamp.
    const c = -1 - list[k]!.stamp;
    const b = bucket[c]!;
    if (b > d) d = b;
    if (uses[c]! < 255) uses[c]!++;
  }
  return d;
}

/** {@link useAll} for one operand. */
function useOne(operand: Value, bucket: Int32Array, uses: Uint8Array, d: number): number {
  const c = -1 - operand.stamp;
  if (uses[c]! < 255) uses[c]!++;
  const b = bucket[c]!;
  return Math.max(b, d);
}
