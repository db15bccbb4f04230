import { InvalidArgumentError } from './errors';
import { Op } from './op-codes';
import { operand } from './operands';
import { denseDot, layer, neuron, stride, Tape } from './tape';
import { topologicalOrder } from './topological-order';
import type { UnaryFunction } from './unary-function';
import { Value } from './value';

/** Options of {@link compile}. */
export interface CompileOptions {
  /**
   * The leaves whose gradients you need, e.g. a model's parameters (default: every leaf). The
   * tape may then skip gradient work for the other leaves (inputs, constants) — a network's first
   * layer has no input gradients to add up — and their gradients on the tape are unspecified.
   */
  wrt?: Iterable<Value>;
}

/**
 * Traces the graph behind `root` once into a {@link Tape}. The graph must be static: the tape
 * replays the same ops on whatever numbers the leaves hold. Takes the numbers the nodes hold now.
 */
export function compile(root: Value, options: CompileOptions = {}): Tape {
  if (!(root instanceof Value)) {
    throw new InvalidArgumentError({
      argument: 'root',
      method: 'compile',
      expected: 'a Value',
      received: root,
    });
  }
  const wrt = wantedLeaves(options.wrt);
  // In creation order, the order `Value.backward()` serves nodes in reverse: gradients then add
  // up in the same order on the tape as in the eager pass, so the two agree bit for bit. (A
  // topological walk's order is usually already close to it, which makes the sort cheap.)
  const order = topologicalOrder(root).sort((p, q) => p.id - q.id);
  const n = order.length;
  // NOTE: the walk is over, so each node's `stamp` is free until the next walk: it holds the node's
  // position in `order`, negated so that it can never equal a walk's (positive) mark.
  for (let i = 0; i < n; i++) order[i]!.stamp = -1 - i;
  const indexOf = (v: Value): number => -1 - v.stamp;
  const { slotByIndex, uses } = layout(order, indexOf);
  const slotOf = (v: Value | null): number => (v === null ? -1 : slotByIndex[indexOf(v)]!);

  const values = new Float64Array(n);
  const local = new Float64Array(n);
  const slots = new Map<Value, number>();
  const leaves: Value[] = [];
  const wanted: number[] = [];
  let interior = 0;
  let operandCount = 0;
  for (let i = 0; i < n; i++) {
    const v = order[i]!;
    const slot = slotByIndex[i]!;
    values[slot] = v.data;
    local[slot] = v.local;
    slots.set(v, slot);
    if (v.op === Op.leaf) {
      leaves.push(v);
      wanted.push(wrt === null || wrt.has(v) ? 1 : 0);
    } else interior++;
    if (v.op === Op.sum) operandCount += v.terms!.length;
    else if (v.op === Op.dot) operandCount += 2 * v.terms!.length;
  }

  const code = new Int32Array(interior * stride);
  const operands = new Int32Array(operandCount);
  const fns: UnaryFunction[] = [];
  let p = 0;
  let used = 0;
  for (const v of order) {
    if (v.op === Op.leaf) continue;
    const out = slotOf(v);
    const previous = p - stride;
    if (
      v.op === Op.unary &&
      previous >= 0 &&
      code[previous] === denseDot &&
      code[previous + 1] === slotOf(v.a) &&
      uses[indexOf(v.a!)] === 1
    ) {
      // The dot right before feeds only this activation: fuse the two into one neuron.
      code[previous] = neuron;
      code[previous + 1] = out;
      code[previous + 6]! |= functionIndex(fns, v.fn!) << 1;
      code[previous + 7] = slotOf(v.a);
      // A neuron that continues the layer of neurons before it joins that layer instruction.
      if (previous >= stride && joinLayer(code, previous - stride, previous)) p = previous;
      continue;
    }
    code[p] = v.op;
    code[p + 1] = out;
    if (v.op === Op.sum) {
      code[p + 2] = used;
      code[p + 3] = v.terms!.length;
      for (const t of v.terms!) operands[used++] = slotOf(t);
    } else if (v.op === Op.dot) {
      const w = v.terms!;
      const x = v.inputs!;
      code[p + 4] = w.length;
      code[p + 5] = slotOf(v.a);
      if (w.length > 0 && isRun(w, slotOf) && isRun(x, slotOf)) {
        code[p] = denseDot;
        code[p + 2] = slotOf(w[0]!);
        code[p + 3] = slotOf(x[0]!);
        const constantInputs = wrt !== null && x.every((xi) => xi.op === Op.leaf && !wrt.has(xi));
        code[p + 6] = constantInputs ? 0 : 1;
      } else {
        code[p + 2] = used;
        for (const wi of w) operands[used++] = slotOf(wi);
        for (const xi of x) operands[used++] = slotOf(xi);
      }
    } else {
      code[p + 2] = slotOf(v.a);
      code[p + 3] = slotOf(v.b);
      if (v.op === Op.unary) code[p + 4] = functionIndex(fns, v.fn!);
    }
    p += stride;
  }
  return new Tape({
    values,
    local,
    code: code.slice(0, p),
    operands,
    fns,
    leaves,
    wanted: Uint8Array.from(wanted),
    slots,
    rootSlot: slotOf(root),
  });
}

function wantedLeaves(wrt: Iterable<Value> | undefined): Set<Value> | null {
  if (wrt === undefined) return null;
  const set = new Set<Value>();
  const iterable = wrt as Partial<Iterable<Value>> | null;
  if (
    typeof iterable !== 'object' ||
    iterable === null ||
    typeof iterable[Symbol.iterator] !== 'function'
  ) {
    throw new InvalidArgumentError({
      argument: 'options.wrt',
      method: 'compile',
      expected: 'an iterable of Values',
      received: wrt,
    });
  }
  for (const v of wrt) {
    if (!(v instanceof Value)) {
      throw new InvalidArgumentError({
        argument: 'options.wrt',
        method: 'compile',
        expected: 'an iterable of Values',
        received: v,
      });
    }
    set.add(v);
  }
  return set;
}

/**
 * The storage slot of each node, by its position in `order`: leaves first (in order of first use),
 * then interior nodes by depth (longest path from a leaf), keeping their order within a depth.
 * In a network this puts each layer's outputs, like each neuron's weights, in consecutive slots,
 * which lets the tape read them as plain runs. A counting sort: linear in the graph's size.
 * Also counts each node's uses as an operand.
 */
function layout(
  order: readonly Value[],
  indexOf: (v: Value) => number,
): { slotByIndex: Int32Array; uses: Int32Array } {
  const n = order.length;
  const depth = new Int32Array(n);
  const uses = new Int32Array(n);
  let deepest = 0;
  for (let i = 0; i < n; i++) {
    const v = order[i]!;
    let d = 0;
    for (let k = 0, child = operand(v, 0); child !== null; child = operand(v, ++k)) {
      d = Math.max(d, depth[indexOf(child)]! + 1);
      uses[indexOf(child)]!++;
    }
    depth[i] = d;
    deepest = Math.max(deepest, d);
  }
  const next = new Int32Array(deepest + 2);
  for (let i = 0; i < n; i++) next[depth[i]! + 1]!++;
  for (let d = 1; d <= deepest + 1; d++) next[d]! += next[d - 1]!;
  const slotByIndex = new Int32Array(n);
  for (let i = 0; i < n; i++) slotByIndex[i] = next[depth[i]!]!++;
  return { slotByIndex, uses };
}

/**
 * Folds the neuron at `code[next]` into the neuron or layer at `code[p]` if it is that layer's
 * next neuron: same inputs, length, activation and flags; weights (each neuron's followed by its
 * bias) right after the layer's last neuron's bias; output and dot slots right after theirs.
 * Returns whether it did.
 */
function joinLayer(code: Int32Array, p: number, next: number): boolean {
  const n = code[p + 4]!;
  const weightsThenBias = (q: number) => code[q + 5] === code[q + 2]! + code[q + 4]!;
  if (code[p] === neuron && !weightsThenBias(p)) return false;
  if (code[p] !== neuron && code[p] !== layer) return false;
  const count = code[p] === layer ? code[p + 5]! : 1;
  const fits =
    weightsThenBias(next) &&
    code[next + 3] === code[p + 3] &&
    code[next + 4] === n &&
    code[next + 6] === code[p + 6] &&
    code[next + 2] === code[p + 2]! + count * (n + 1) &&
    code[next + 1] === code[p + 1]! + count &&
    code[next + 7] === code[p + 7]! + count;
  if (!fits) return false;
  code[p] = layer;
  code[p + 5] = count + 1;
  return true;
}

/** The index of `fn` in the tape's function table, adding it on first use. */
function functionIndex(fns: UnaryFunction[], fn: UnaryFunction): number {
  const index = fns.indexOf(fn);
  return index >= 0 ? index : fns.push(fn) - 1;
}

/** Whether the values sit in consecutive slots. */
function isRun(values: readonly Value[], slotOf: (v: Value) => number): boolean {
  const first = slotOf(values[0]!);
  for (let k = 1; k < values.length; k++) if (slotOf(values[k]!) !== first + k) return false;
  return true;
}
