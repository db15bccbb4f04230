import { Op } from './op-codes';
import type { Value } from './value';

/** Buckets a backward pass may sweep before any node: keeps small graphs cheap. */
const baseBuckets = 1024;
/** Buckets allowed per node reached: the sweep stays linear in the graph's size. */
const bucketsPerNode = 8;
/**
 * A pass's bucket array starts as long as the previous pass needed, up to this: small enough to be
 * allocated in the young generation.
 */
const presizedBuckets = 1 << 12;

/**
 * The interior nodes of one backward pass that wait for their gradient, served newest first.
 *
 * A node is made after its operands, so its creation `id` is greater than theirs: served newest
 * first, a node comes after every node that uses it, so its gradient is complete when it is
 * served. This replaces a separate topological walk: the chain rule queues each operand as it
 * reaches it (`reach`), and the pass ends when the queue is empty.
 *
 * Most graphs are built in one go, so their ids are close together: a node waits in the bucket
 * at its distance from the root's id, and the buckets are swept in order. A node made long
 * before the root (beyond the bucket budget, which grows with the nodes reached) waits in a
 * binary heap instead, so one old node in a small graph costs a logarithm, not a long sweep.
 * `next` merges the two, always taking the newest node.
 */
export class GradientQueue {
  /** The visit mark of the current pass: a node whose `stamp` equals it has been reached. */
  mark = 0;
  /** The root's id; a node's bucket is its distance below it. */
  private newest = 0;
  private buckets: (Value | undefined)[] = [];
  /** The next bucket to sweep; every waiting bucket is at or after it. */
  private cursor = 0;
  /** One past the furthest bucket in use. */
  private end = 0;
  private reached = 0;
  /** Nodes too far below the root for the buckets: a max-heap on `id`. */
  private readonly far: Value[] = [];

  /** Starts a pass from an interior `root`, whose gradient is `seed`. */
  start(root: Value, mark: number, seed: number): void {
    this.mark = mark;
    this.newest = root.id;
    // A new array per pass, young like the nodes it will hold: storing a young node into an old
    // array (one kept from pass to pass) takes V8's write barrier slow path, which records the
    // slot for the next scavenge (3–4 % of eager training's time under `perf`).
    this.buckets = new Array(Math.min(this.end, presizedBuckets));
    this.cursor = 0;
    this.end = 0;
    this.reached = 0;
    root.stamp = mark;
    root.grad = seed;
    this.wait(root, 0);
  }

  /**
   * Called by the chain rule for each operand before adding to its gradient: an interior node
   * reached for the first time has its gradient reset to 0 and joins the queue. Leaves are left
   * alone (their gradients accumulate across passes).
   */
  reach(v: Value): void {
    if (v.op !== Op.leaf && v.stamp !== this.mark) this.join(v);
  }

  /**
   * `reach` for a node known to be interior and not yet reached. The chain rule's loops over
   * n-ary operands test those two conditions themselves, saving a call per operand.
   */
  join(v: Value): void {
    v.stamp = this.mark;
    v.grad = 0;
    this.wait(v, this.newest - v.id);
  }

  /** The newest waiting node, or `null` when the pass is over. */
  next(): Value | null {
    const buckets = this.buckets;
    let i = this.cursor;
    while (i < this.end && buckets[i] === undefined) i++;
    const far = this.far;
    if (far.length > 0 && (i === this.end || far[0]!.id > this.newest - i)) return this.popFar();
    if (i === this.end) {
      // A graph's worth of slots is not kept alive until the next pass.
      if (buckets.length > presizedBuckets) this.buckets = [];
      return null;
    }
    const v = buckets[i]!;
    buckets[i] = undefined;
    this.cursor = i + 1;
    return v;
  }

  private wait(v: Value, distance: number): void {
    this.reached++;
    // (A node is never below the cursor: it is older than the node that reached it.)
    if (distance >= baseBuckets + bucketsPerNode * this.reached) {
      this.pushFar(v);
      return;
    }
    const buckets = this.buckets;
    // Grown one slot at a time up to the bucket, so the array never turns sparse.
    while (buckets.length <= distance) buckets.push(undefined);
    buckets[distance] = v;
    if (distance >= this.end) this.end = distance + 1;
  }

  private pushFar(v: Value): void {
    const heap = this.far;
    let i = heap.push(v) - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (heap[parent]!.id >= v.id) break;
      heap[i] = heap[parent]!;
      i = parent;
    }
    heap[i] = v;
  }

  private popFar(): Value {
    const heap = this.far;
    const top = heap[0]!;
    const last = heap.pop()!;
    const n = heap.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= n) break;
        if (child + 1 < n && heap[child + 1]!.id > heap[child]!.id) child++;
        if (heap[child]!.id <= last.id) break;
        heap[i] = heap[child]!;
        i = child;
      }
      heap[i] = last;
    }
    return top;
  }
}
