import { InvalidArgumentError } from './errors';
import { Op } from './op-codes';
import { operand } from './operands';
import { checkOptionKeys, optionKeys } from './option-keys';
import { denseDot, laneWidth, layer, neuron, squaredErrors, stride, Tape } from './tape';
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
  /**
   * Leaves whose numbers change from sample to sample (a model's inputs and targets), for
   * `Tape.runSamples`, which then runs several samples per pass. The other leaves are shared by
   * every sample.
   */
  perSample?: readonly Value[];
}

const compileOptionKeys = optionKeys<CompileOptions>({ wrt: true, perSample: true });

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
  checkOptionKeys(options, compileOptionKeys, 'options', 'compile');
  const wrt = valueList(options.wrt, 'options.wrt');
  const perSample =
    options.perSample === undefined ? null : valueList(options.perSample, 'options.perSample');
  // In creation order, the order `Value.backward()` serves nodes in reverse: gradients then add
  // up in the same order on the tape as in the eager pass, so the two agree bit for bit.
  const order = sortById(topologicalOrder(root));
  const n = order.length;
  // NOTE: the walk is over, so each node's `stamp` is free until the next walk: it holds the node's
  // position in `order`, negated so that it can never equal a walk's (positive) mark.
  for (let i = 0; i < n; i++) order[i]!.stamp = -1 - i;
  const indexOf = (v: Value): number => -1 - v.stamp;
  /** The position of `v` in `order`, or −1 if it is not a node of this graph. */
  const find = (v: Value): number => {
    const i = indexOf(v);
    return i >= 0 && i < n && order[i] === v ? i : -1;
  };
  // Per node: 1 if its gradient is wanted; 2 if it is a per-sample leaf (bit flags).
  const kind = new Uint8Array(n);
  if (wrt === null) kind.fill(1);
  else {
    for (const v of wrt) {
      const i = find(v);
      // A value outside the graph is a mistake (a parameter of another model, a stale list).
      if (v.op !== Op.leaf || i < 0) {
        throw new InvalidArgumentError({
          argument: 'options.wrt',
          method: 'compile',
          expected: "leaves of the graph behind 'root'",
          received: v,
        });
      }
      kind[i] = 1;
    }
  }
  for (const [j, v] of (perSample ?? []).entries()) {
    if (v.op !== Op.leaf || find(v) < 0) {
      throw new InvalidArgumentError({
        argument: `options.perSample[${j}]`,
        method: 'compile',
        expected: 'a leaf of the compiled graph',
        received: v,
      });
    }
    kind[find(v)]! |= 2;
  }
  const { slotByIndex, uses, shared } = layout(order, indexOf, kind);
  // Several samples per pass only if that adds every wanted shared leaf's gradient in the order of
  // separate passes: true when each is used once (the pass serves its samples last to first).
  let lanes = perSample === null ? 1 : laneWidth;
  for (let i = 0; i < n && lanes > 1; i++) if (kind[i] === 1 && uses[i]! > 1) lanes = 1;
  const physical = (slot: number): number =>
    slot < shared ? slot : shared + (slot - shared) * lanes;
  const slotOf = (v: Value | null): number => (v === null ? -1 : slotByIndex[indexOf(v)]!);

  const size = shared + (n - shared) * lanes;
  const values = new Float64Array(size);
  const local = new Float64Array(size);
  // Leaves take the first slots, in slot order: shared ones, then per-sample ones.
  const leaves: Value[] = [];
  const sampleLeaves: Value[] = [];
  let interior = 0;
  let operandCount = 0;
  for (let i = 0; i < n; i++) {
    const v = order[i]!;
    const slot = physical(slotByIndex[i]!);
    for (let k = slot, end = slot < shared ? slot + 1 : slot + lanes; k < end; k++) {
      values[k] = v.data;
      local[k] = v.local;
    }
    if (v.op !== Op.leaf) interior++;
    else if ((kind[i]! & 2) === 0) leaves.push(v);
    else sampleLeaves.push(v);
    if (v.op === Op.sum) operandCount += 4 * v.terms!.length;
    else if (v.op === Op.dot) operandCount += 2 * v.terms!.length;
  }
  for (const v of sampleLeaves) leaves.push(v);
  const wanted = new Uint8Array(leaves.length);
  for (let i = 0; i < leaves.length; i++) wanted[i] = kind[indexOf(leaves[i]!)]! & 1;

  const code = new Int32Array(interior * stride);
  const operands = new Int32Array(operandCount);
  const fns: UnaryFunction[] = [];
  let p = 0;
  let used = 0;
  /** Whether the values sit in consecutive slots, all shared or all per-sample. */
  const isRun = (run: readonly Value[]): boolean => {
    const first = slotOf(run[0]!);
    if (first < shared && first + run.length > shared) return false;
    for (let k = 1; k < run.length; k++) if (slotOf(run[k]!) !== first + k) return false;
    return true;
  };
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
    if (v.op === Op.sum) {
      const start = squaredErrorsStart(code, p, v, slotOf, uses, indexOf);
      if (start >= 0) {
        // The sum of squared differences right before: one instruction (the loss of a sample).
        const m = v.terms!.length;
        for (let k = 0; k < m; k++) {
          const q = start + 2 * k * stride;
          operands[used++] = physical(code[q + 2]!);
          operands[used++] = physical(code[q + 3]!);
          operands[used++] = physical(code[q + 1]!);
          operands[used++] = physical(code[q + stride + 1]!);
        }
        code[start] = squaredErrors;
        code[start + 1] = out;
        code[start + 2] = used - 4 * m;
        code[start + 3] = m;
        p = start + stride;
        continue;
      }
    }
    code[p] = v.op;
    code[p + 1] = out;
    if (v.op === Op.sum) {
      code[p + 2] = used;
      code[p + 3] = v.terms!.length;
      for (const t of v.terms!) operands[used++] = physical(slotOf(t));
    } else if (v.op === Op.dot) {
      const w = v.terms!;
      const x = v.inputs!;
      code[p + 4] = w.length;
      code[p + 5] = slotOf(v.a);
      if (w.length > 0 && isRun(w) && isRun(x)) {
        code[p] = denseDot;
        code[p + 2] = slotOf(w[0]!);
        code[p + 3] = slotOf(x[0]!);
        const constantInputs =
          wrt !== null && x.every((xi) => xi.op === Op.leaf && kind[indexOf(xi)] !== 1);
        code[p + 6] = constantInputs ? 0 : 1;
      } else {
        code[p + 2] = used;
        for (const wi of w) operands[used++] = physical(slotOf(wi));
        for (const xi of x) operands[used++] = physical(slotOf(xi));
      }
    } else {
      code[p + 2] = slotOf(v.a);
      code[p + 3] = slotOf(v.b);
      if (v.op === Op.unary) code[p + 4] = functionIndex(fns, v.fn!);
    }
    p += stride;
  }
  toPhysicalSlots(code.subarray(0, p), physical);
  const nodeSlots = new Int32Array(n);
  for (let i = 0; i < n; i++) nodeSlots[i] = physical(slotByIndex[i]!);
  return new Tape({
    values,
    local,
    code: code.slice(0, p),
    operands,
    fns,
    leaves,
    wanted,
    nodes: order,
    nodeSlots,
    rootSlot: physical(slotOf(root)),
    shared,
    lanes,
    sampleSlots: Int32Array.from(perSample ?? [], (v) => physical(slotOf(v))),
  });
}

/**
 * The nodes in creation order (by `id`). A graph's ids usually fill a range not much wider than
 * the graph, so they are placed by id in one pass; otherwise sorted.
 */
function sortById(nodes: Value[]): Value[] {
  const n = nodes.length;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  let sorted = true;
  for (let i = 0; i < n; i++) {
    const id = nodes[i]!.id;
    if (i > 0 && id < nodes[i - 1]!.id) sorted = false;
    lo = Math.min(lo, id);
    hi = Math.max(hi, id);
  }
  if (sorted) return nodes;
  if (hi - lo >= 4 * n) return nodes.sort((p, q) => p.id - q.id);
  const at = new Int32Array(hi - lo + 1).fill(-1);
  for (let i = 0; i < n; i++) at[nodes[i]!.id - lo] = i;
  const out: Value[] = [];
  for (let k = 0; k < at.length; k++) if (at[k]! >= 0) out.push(nodes[at[k]!]!);
  return out;
}

/**
 * Rewrites the slot fields of every instruction from logical slots (one per node) to the tape's
 * slots, where each slot from `shared` on holds `lanes` numbers. Done after the instructions are
 * built, since folding neurons into layers compares logical slots.
 */
function toPhysicalSlots(code: Int32Array, physical: (slot: number) => number): void {
  for (let p = 0; p < code.length; p += stride) {
    const op = code[p]!;
    code[p + 1] = physical(code[p + 1]!);
    if (op === Op.sum || op === squaredErrors) continue; // operand lists are already physical
    if (op === Op.dot) {
      code[p + 5] = physical(code[p + 5]!);
      continue;
    }
    code[p + 2] = physical(code[p + 2]!);
    code[p + 3] = physical(code[p + 3]!);
    if (op === denseDot || op === neuron) code[p + 5] = physical(code[p + 5]!);
    if (op === neuron || op === layer) code[p + 7] = physical(code[p + 7]!);
  }
}

/** The values of an optional iterable argument, checked. */
function valueList(values: Iterable<Value> | undefined, argument: string): Value[] | null {
  if (values === undefined) return null;
  const iterable = values as Partial<Iterable<Value>> | null;
  if (
    typeof iterable !== 'object' ||
    iterable === null ||
    typeof iterable[Symbol.iterator] !== 'function'
  ) {
    throw new InvalidArgumentError({
      argument,
      method: 'compile',
      expected: 'an iterable of Values',
      received: values,
    });
  }
  const list = Array.isArray(values) ? (values as Value[]) : Array.from(values);
  for (const v of list) {
    if (!(v instanceof Value)) {
      throw new InvalidArgumentError({
        argument,
        method: 'compile',
        expected: 'an iterable of Values',
        received: v,
      });
    }
  }
  return list;
}

/**
 * The storage slot of each node, by its position in `order`: the leaves shared by every sample
 * first, then the per-sample leaves (bit 2 of `kind`), each in creation order, then interior nodes
 * by depth (longest path from a leaf), keeping their order within a depth. In a network this puts
 * each layer's outputs, like each neuron's weights, in consecutive slots, which lets the tape read
 * them as plain runs. A counting sort: linear in the graph's size. Also counts each node's uses
 * as an operand, and returns how many leaves are shared.
 */
function layout(
  order: readonly Value[],
  indexOf: (v: Value) => number,
  kind: Uint8Array,
): { slotByIndex: Int32Array; uses: Int32Array; shared: number } {
  const n = order.length;
  // Bucket 0: shared leaves; 1: per-sample leaves; d + 1: interior nodes of depth d ≥ 1.
  const bucket = new Int32Array(n);
  const uses = new Int32Array(n);
  let deepest = 1;
  for (let i = 0; i < n; i++) {
    const v = order[i]!;
    let d = 0;
    for (let k = 0, child = operand(v, k); child !== null; child = operand(v, ++k)) {
      const c = indexOf(child);
      d = Math.max(d, bucket[c]! < 2 ? 1 : bucket[c]!);
      uses[c]!++;
    }
    // An interior node's depth is at least 1, even a `sum` of nothing.
    bucket[i] = v.op === Op.leaf ? (kind[i]! & 2) >> 1 : Math.max(d, 1) + 1;
    deepest = Math.max(deepest, bucket[i]!);
  }
  const next = new Int32Array(deepest + 2);
  for (let i = 0; i < n; i++) next[bucket[i]! + 1]!++;
  for (let d = 1; d <= deepest + 1; d++) next[d]! += next[d - 1]!;
  const shared = next[1]!;
  const slotByIndex = new Int32Array(n);
  for (let i = 0; i < n; i++) slotByIndex[i] = next[bucket[i]!]!++;
  return { slotByIndex, uses, shared };
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

/**
 * Where the instructions of a sum's terms start if the sum is `Σ (pₖ − yₖ)·(pₖ − yₖ)` built as
 * `sumSquaredError` builds it: for each term in order, a `sub` then a `mul` of it by itself, each
 * used only there, as the instructions right before the sum. Otherwise −1.
 */
function squaredErrorsStart(
  code: Int32Array,
  p: number,
  sum: Value,
  slotOf: (v: Value | null) => number,
  uses: Int32Array,
  indexOf: (v: Value) => number,
): number {
  const terms = sum.terms!;
  const start = p - 2 * terms.length * stride;
  if (terms.length === 0 || start < 0) return -1;
  for (let k = 0; k < terms.length; k++) {
    const square = terms[k]!;
    const d = square.a;
    const q = start + 2 * k * stride;
    if (
      square.op !== Op.mul ||
      d === null ||
      square.b !== d ||
      d.op !== Op.sub ||
      uses[indexOf(square)] !== 1 ||
      uses[indexOf(d)] !== 2 ||
      code[q] !== Op.sub ||
      code[q + 1] !== slotOf(d) ||
      code[q + stride] !== Op.mul ||
      code[q + stride + 1] !== slotOf(square)
    ) {
      return -1;
    }
  }
  return start;
}

/** The index of `fn` in the tape's function table, adding it on first use. */
function functionIndex(fns: UnaryFunction[], fn: UnaryFunction): number {
  const index = fns.indexOf(fn);
  return index >= 0 ? index : fns.push(fn) - 1;
}
