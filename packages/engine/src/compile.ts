import { InvalidArgumentError } from './errors';
import { type FlatGraph, flattenGraph, nodeNumber } from './flat-graph';
import { Op } from './op-codes';
import { checkOptionKeys, optionKeys } from './option-keys';
import { denseDot, laneWidth, layer, neuron, squaredErrors, stride, Tape } from './tape';
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
  // One visit per node: everything below reads the flat arrays, indexed by node number.
  const graph = flattenGraph(root);
  const { nodes, ops, leafCount } = graph;
  const n = nodes.length;
  // In creation order, the order `Value.backward()` serves nodes in reverse: gradients then add
  // up in the same order on the tape as in the eager pass, so the two agree bit for bit.
  const { order } = graph;
  // Per node: 1 if its gradient is wanted; 2 if it is a per-sample leaf (bit flags).
  const kind = new Uint8Array(n);
  if (wrt === null) kind.fill(1);
  else {
    for (const v of wrt) {
      const i = nodeNumber(graph, v);
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
  const sampleNodes = new Int32Array(perSample?.length ?? 0);
  for (const [j, v] of (perSample ?? []).entries()) {
    const i = nodeNumber(graph, v);
    if (v.op !== Op.leaf || i < 0) {
      throw new InvalidArgumentError({
        argument: `options.perSample[${j}]`,
        method: 'compile',
        expected: 'a leaf of the compiled graph',
        received: v,
      });
    }
    kind[i]! |= 2;
    sampleNodes[j] = i;
  }
  const { slots, uses, shared } = layout(graph, order, kind);
  // Several samples per pass only if that adds every wanted shared leaf's gradient in the order of
  // separate passes: true when each is used once (the pass serves its samples last to first).
  let lanes = perSample === null ? 1 : laneWidth;
  for (let i = 0; i < n && lanes > 1; i++) if (kind[i] === 1 && uses[i]! > 1) lanes = 1;
  const physical = (slot: number): number =>
    slot < shared ? slot : shared + (slot - shared) * lanes;

  const size = shared + (n - shared) * lanes;
  const values = new Float64Array(size);
  // `local` is only ever read at an interior node's slots: the leaves' stay 0 (and untouched).
  const local = new Float64Array(size);
  let operandCount = 0;
  for (let i = 0; i < n; i++) {
    const slot = physical(slots[i]!);
    const v = nodes[i]!;
    if (slot < shared) {
      values[slot] = v.data;
      continue;
    }
    const l = i < leafCount ? 0 : v.local;
    for (let k = slot; k < slot + lanes; k++) {
      values[k] = v.data;
      local[k] = l;
    }
    if (ops[i] === Op.sum) operandCount += 4 * v.terms!.length;
    else if (ops[i] === Op.dot) operandCount += 2 * v.terms!.length;
  }
  // Leaves take the first slots, in slot order: shared ones, then per-sample ones.
  const wanted = new Uint8Array(leafCount);
  for (let i = 0; i < leafCount; i++) wanted[slots[i]!] = kind[i]! & 1;

  const code = new Int32Array((n - leafCount) * stride);
  const operands = new Int32Array(operandCount);
  const fns: UnaryFunction[] = [];
  let p = 0;
  let used = 0;
  /** The (logical) slot of a node of the graph: its number is in its stamp while compiling. */
  const slotOf = (v: Value): number => slots[-1 - v.stamp]!;
  /** Whether the values sit in consecutive slots, all shared or all per-sample. */
  const isRun = (run: readonly Value[]): boolean => {
    const first = slotOf(run[0]!);
    if (first < shared && first + run.length > shared) return false;
    for (let k = 1; k < run.length; k++) if (slotOf(run[k]!) !== first + k) return false;
    return true;
  };
  for (let r = 0; r < n; r++) {
    const i = order[r]!;
    const op = ops[i]!;
    if (op === Op.leaf) continue;
    const v = nodes[i]!;
    const out = slots[i]!;
    const a = v.a === null ? -1 : -1 - v.a.stamp;
    const previous = p - stride;
    if (
      op === Op.unary &&
      previous >= 0 &&
      code[previous] === denseDot &&
      code[previous + 1] === slots[a] &&
      uses[a] === 1
    ) {
      // The dot right before feeds only this activation: fuse the two into one neuron.
      code[previous] = neuron;
      code[previous + 1] = out;
      code[previous + 6]! |= functionIndex(fns, v.fn!) << 1;
      code[previous + 7] = slots[a]!;
      // A neuron that continues the layer of neurons before it joins that layer instruction.
      if (previous >= stride && joinLayer(code, previous - stride, previous)) p = previous;
      continue;
    }
    if (op === Op.sum) {
      const start = squaredErrorsStart(code, p, v, slots, uses);
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
    code[p] = op;
    code[p + 1] = out;
    if (op === Op.sum) {
      code[p + 2] = used;
      code[p + 3] = v.terms!.length;
      for (const t of v.terms!) operands[used++] = physical(slotOf(t));
    } else if (op === Op.dot) {
      const w = v.terms!;
      const x = v.inputs!;
      code[p + 4] = w.length;
      code[p + 5] = a < 0 ? -1 : slots[a]!;
      if (w.length > 0 && isRun(w) && isRun(x)) {
        code[p] = denseDot;
        code[p + 2] = slotOf(w[0]!);
        code[p + 3] = slotOf(x[0]!);
        let constantInputs = wrt !== null;
        for (let k = 0; k < x.length && constantInputs; k++) {
          const xk = -1 - x[k]!.stamp;
          constantInputs = ops[xk] === Op.leaf && (kind[xk]! & 1) === 0;
        }
        code[p + 6] = constantInputs ? 0 : 1;
      } else {
        code[p + 2] = used;
        for (const wk of w) operands[used++] = physical(slotOf(wk));
        for (const xk of x) operands[used++] = physical(slotOf(xk));
      }
    } else {
      code[p + 2] = slots[a]!;
      code[p + 3] = v.b === null ? -1 : slotOf(v.b);
      if (op === Op.unary) code[p + 4] = functionIndex(fns, v.fn!);
    }
    p += stride;
  }
  toPhysicalSlots(code.subarray(0, p), physical);
  const rootSlot = physical(slots[graph.root]!);
  const sampleSlots = sampleNodes.map((i) => physical(slots[i]!));
  bySlot(nodes, slots);
  // `Tape.slotOf` reads each node's slot from its stamp (−1 − its slot before `lanes`).
  for (let s = 0; s < n; s++) nodes[s]!.stamp = -1 - s;
  const interior = nodes.slice(leafCount);
  // What is left of the node list is the leaves in slot order: no second array of a million.
  nodes.length = leafCount;
  return new Tape({
    values,
    local,
    // Fusing instructions leaves the end unused; without fusion (a chain) the array is already exact.
    code: p === code.length ? code : code.slice(0, p),
    operands,
    fns,
    leaves: nodes,
    wanted,
    interior,
    rootSlot,
    shared,
    lanes,
    sampleSlots,
  });
}

/**
 * Puts each node at its slot, in place: afterwards `nodes[s]` is the node of slot `s` (and
 * `slots`, used up, holds `0, 1, 2, …`). Each swap puts one node where it belongs.
 */
function bySlot(nodes: Value[], slots: Int32Array): void {
  for (let i = 0; i < nodes.length; i++) {
    while (slots[i] !== i) {
      const j = slots[i]!;
      const v = nodes[i]!;
      nodes[i] = nodes[j]!;
      nodes[j] = v;
      slots[i] = slots[j]!;
      slots[j] = j;
    }
  }
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
 * The storage slot of each node, by number: the leaves shared by every sample first, then the
 * per-sample leaves (bit 2 of `kind`), each in creation order, then interior nodes by depth
 * (longest path from a leaf), keeping their creation order within a depth. In a network this puts
 * each layer's outputs, like each neuron's weights, in consecutive slots, which lets the tape read
 * them as plain runs. A counting sort: linear in the graph's size. Also counts each node's uses
 * as an operand, and returns how many leaves are shared.
 */
function layout(
  graph: FlatGraph,
  order: Int32Array,
  kind: Uint8Array,
): { slots: Int32Array; uses: Uint8Array; shared: number } {
  const { nodes, ops } = graph;
  const n = ops.length;
  // Bucket 0: shared leaves; 1: per-sample leaves; d + 1: interior nodes of depth d ≥ 1. Operands
  // come before their users in creation order, so each operand's bucket is known when needed.
  const bucket = new Int32Array(n);
  // Uses saturate at 255: only 0, 1, 2 and more are told apart.
  const uses = new Uint8Array(n);
  let deepest = 1;
  let d = 1;
  const use = (operand: Value): void => {
    // While compiling, a node's number is in its stamp.
    const c = -1 - operand.stamp;
    const b = bucket[c]!;
    if (b > d) d = b;
    if (uses[c]! < 255) uses[c]!++;
  };
  for (let r = 0; r < n; r++) {
    const i = order[r]!;
    if (ops[i] === Op.leaf) {
      bucket[i] = (kind[i]! & 2) >> 1;
      continue;
    }
    // An interior node's depth is at least 1, even a `sum` of nothing.
    d = 1;
    const v = nodes[i]!;
    if (v.terms !== null) for (const t of v.terms) use(t);
    if (v.inputs !== null) for (const x of v.inputs) use(x);
    if (v.a !== null) use(v.a);
    if (v.b !== null) use(v.b);
    bucket[i] = d + 1;
    if (d + 1 > deepest) deepest = d + 1;
  }
  const next = new Int32Array(deepest + 2);
  for (let i = 0; i < n; i++) next[bucket[i]! + 1]!++;
  for (let d = 1; d <= deepest + 1; d++) next[d]! += next[d - 1]!;
  const shared = next[1]!;
  // In place: each node's bucket becomes its slot.
  const slots = bucket;
  for (let r = 0; r < n; r++) {
    const i = order[r]!;
    slots[i] = next[slots[i]!]!++;
  }
  return { slots, uses, shared };
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
 * Where the instructions of a sum's terms start if the sum `sum` is
 * `Σ (pₖ − yₖ)·(pₖ − yₖ)` built as `sumSquaredError` builds it: for each term in order, a `sub`
 * then a `mul` of it by itself, each used only there, as the instructions right before the sum.
 * Otherwise −1.
 */
function squaredErrorsStart(
  code: Int32Array,
  p: number,
  sum: Value,
  slots: Int32Array,
  uses: Uint8Array,
): number {
  // While compiling, a node's number is in its stamp.
  const number = (v: Value): number => -1 - v.stamp;
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
      uses[number(square)] !== 1 ||
      uses[number(d)] !== 2 ||
      code[q] !== Op.sub ||
      code[q + 1] !== slots[number(d)] ||
      code[q + stride] !== Op.mul ||
      code[q + stride + 1] !== slots[number(square)]
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
