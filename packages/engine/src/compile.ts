import { InvalidArgumentError } from './errors';
import { flattenGraph } from './flat-graph';
import { Op } from './op-codes';
import { checkOptionKeys, optionKeys } from './option-keys';
import { layout } from './slot-layout';
import { denseDot, fusedNeuron, laneWidth, layer, squaredErrors, stride, Tape } from './tape';
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
  // One visit per node: everything below reads the flat arrays, indexed by node number. Node
  // numbers follow creation order, the order `Value.backward()` serves nodes in reverse:
  // gradients then add up in the same order on the tape as in the eager pass, so the two agree
  // bit for bit.
  // NOTE: each pass over the nodes is a plain loop in a small function of its own that calls no
  // closure per node and starts with its loop; this function reads the objects' fields and
  // allocates (see the note on `flattenGraph`).
  const graph = flattenGraph(root);
  const { nodes, ops, leafCount, interior: interiorNumbers } = graph;
  const n = nodes.length;
  // Per node: 1 if its gradient is wanted; 2 if it is a per-sample leaf (bit flags).
  const kind = new Uint8Array(n);
  if (wrt === null) kind.fill(1);
  else markWanted(nodes, wrt, kind);
  const sampleNodes = new Int32Array(perSample === null ? 0 : perSample.length);
  if (perSample !== null) markPerSample(nodes, perSample, kind, sampleNodes);
  // Uses saturate at 255: only 0, 1, 2 and more are told apart.
  const uses = new Uint8Array(n);
  // How many leaves are shared, and how many operand places the instructions may need.
  const counts = new Int32Array(2);
  const slots = layout(nodes, ops, interiorNumbers, kind, uses, counts);
  const shared = counts[0]!;
  const operandCount = counts[1]!;
  // Several samples per pass only if that adds every wanted shared leaf's gradient in the order of
  // separate passes: true when each is used once (the pass serves its samples last to first).
  const lanes = perSample === null || wantedUsedTwice(kind, uses) ? 1 : laneWidth;
  const code = new Int32Array((n - leafCount) * stride);
  const operands = new Int32Array(operandCount);
  const fns: UnaryFunction[] = [];
  const p = emit(
    nodes,
    ops,
    interiorNumbers,
    slots,
    uses,
    kind,
    wrt !== null,
    code,
    operands,
    fns,
    shared,
    lanes,
  );
  toPhysicalSlots(code.subarray(0, p), shared, lanes);
  const rootSlot = physical(slots[n - 1]!, shared, lanes);
  const sampleSlots = new Int32Array(sampleNodes.length);
  for (let j = 0; j < sampleNodes.length; j++) {
    sampleSlots[j] = physical(slots[sampleNodes[j]!]!, shared, lanes);
  }
  const size = shared + (n - shared) * lanes;
  const values = new Float64Array(size);
  // `local` is only ever read at an interior node's slots: the leaves' stay 0 (and untouched).
  const local = new Float64Array(size);
  const wanted = new Uint8Array(leafCount);
  fill(nodes, ops, slots, kind, values, local, wanted, shared, lanes);
  bySlot(nodes, slots);
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

/** Sets bit 1 of `kind` for each leaf in `wrt`; throws if one is not a leaf of the graph. */
function markWanted(nodes: readonly Value[], wrt: readonly Value[], kind: Uint8Array): void {
  for (let j = 0; j < wrt.length; j++) {
    const v = wrt[j]!;
    // Its number is in its stamp, if it is a node of this graph (see `nodeNumber`).
    const i = -1 - v.stamp;
    // A value outside the graph is a mistake (a parameter of another model, a stale list).
    if (i < 0 || i >= nodes.length || nodes[i] !== v || v.op !== Op.leaf) {
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

/**
 * Sets bit 2 of `kind` for each per-sample leaf, and puts their node numbers in `numbers`, in
 * order; throws if one is not a leaf of the graph.
 */
function markPerSample(
  nodes: readonly Value[],
  perSample: readonly Value[],
  kind: Uint8Array,
  numbers: Int32Array,
): void {
  for (let j = 0; j < perSample.length; j++) {
    const v = perSample[j]!;
    const i = -1 - v.stamp;
    if (i < 0 || i >= nodes.length || nodes[i] !== v || v.op !== Op.leaf) {
      throw new InvalidArgumentError({
        argument: `options.perSample[${j}]`,
        method: 'compile',
        expected: 'a leaf of the compiled graph',
        received: v,
      });
    }
    kind[i]! |= 2;
    numbers[j] = i;
  }
}

/** Whether a leaf whose gradient is wanted (and no other kind) is used more than once. */
function wantedUsedTwice(kind: Uint8Array, uses: Uint8Array): boolean {
  for (let i = 0; i < kind.length; i++) if (kind[i] === 1 && uses[i]! > 1) return true;
  return false;
}

/** A logical slot's place in the tape's arrays: from `shared` on, each slot holds `lanes` numbers. */
function physical(slot: number, shared: number, lanes: number): number {
  return slot < shared ? slot : shared + (slot - shared) * lanes;
}

/** The (logical) slot of a node of the graph: its number is in its stamp while compiling. */
function slotOf(v: Value, slots: Int32Array): number {
  return slots[-1 - v.stamp]!;
}

/** Whether the values sit in consecutive slots, all shared or all per-sample. */
function isRun(run: readonly Value[], slots: Int32Array, shared: number): boolean {
  const first = slotOf(run[0]!, slots);
  if (first < shared && first + run.length > shared) return false;
  for (let k = 1; k < run.length; k++) if (slotOf(run[k]!, slots) !== first + k) return false;
  return true;
}

/** Whether every input is a leaf whose gradient is not wanted (its gradient loop can be skipped). */
function constantLeaves(x: readonly Value[], ops: Uint8Array, kind: Uint8Array): boolean {
  for (let k = 0; k < x.length; k++) {
    const i = -1 - x[k]!.stamp;
    if (ops[i] !== Op.leaf || (kind[i]! & 1) !== 0) return false;
  }
  return true;
}

/** Appends the (physical) slots of `list` to `operands` from `used`; returns the new end. */
function addOperands(
  list: readonly Value[],
  operands: Int32Array,
  used: number,
  slots: Int32Array,
  shared: number,
  lanes: number,
): number {
  for (let k = 0; k < list.length; k++) {
    operands[used++] = physical(slotOf(list[k]!, slots), shared, lanes);
  }
  return used;
}

/**
 * Writes the instructions of the interior nodes, in creation order, into `code` (logical
 * slots, but operand lists already physical), fusing a dot and its activation into a neuron,
 * neurons into layers and a sum of squared differences into one instruction. Returns the end of
 * the code written.
 */
function emit(
  nodes: readonly Value[],
  ops: Uint8Array,
  interior: Int32Array,
  slots: Int32Array,
  uses: Uint8Array,
  kind: Uint8Array,
  wrtGiven: boolean,
  code: Int32Array,
  operands: Int32Array,
  fns: UnaryFunction[],
  shared: number,
  lanes: number,
): number {
  let p = 0;
  let used = 0;
  for (let r = 0; r < interior.length; r++) {
    const i = interior[r]!;
    const op = ops[i]!;
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
      code[previous] = fusedNeuron;
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
          operands[used++] = physical(code[q + 2]!, shared, lanes);
          operands[used++] = physical(code[q + 3]!, shared, lanes);
          operands[used++] = physical(code[q + 1]!, shared, lanes);
          operands[used++] = physical(code[q + stride + 1]!, shared, lanes);
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
      used = addOperands(v.terms!, operands, used, slots, shared, lanes);
    } else if (op === Op.dot || op === Op.neuron) {
      const w = v.terms!;
      const x = v.inputs!;
      code[p + 4] = w.length;
      code[p + 5] = a < 0 ? -1 : slots[a]!;
      // A neuron node (one node for dot and activation) takes the general loop; networks that
      // `compile` sees are traced as dot and activation nodes, which become layer instructions.
      if (op === Op.neuron) code[p + 6] = functionIndex(fns, v.fn!);
      if (op === Op.dot && w.length > 0 && isRun(w, slots, shared) && isRun(x, slots, shared)) {
        code[p] = denseDot;
        code[p + 2] = slotOf(w[0]!, slots);
        code[p + 3] = slotOf(x[0]!, slots);
        code[p + 6] = wrtGiven && constantLeaves(x, ops, kind) ? 0 : 1;
      } else {
        code[p + 2] = used;
        used = addOperands(w, operands, used, slots, shared, lanes);
        used = addOperands(x, operands, used, slots, shared, lanes);
      }
    } else {
      code[p + 2] = slots[a]!;
      code[p + 3] = v.b === null ? -1 : slotOf(v.b, slots);
      if (op === Op.unary) code[p + 4] = functionIndex(fns, v.fn!);
    }
    p += stride;
  }
  return p;
}

/**
 * Copies each node's numbers to its slot (every lane of it), marks the wanted leaves by slot, and
 * leaves in each node's stamp its slot (−1 − slot, before lanes), where `Tape.slotOf` reads it:
 * the last pass that reads the nodes.
 */
function fill(
  nodes: readonly Value[],
  ops: Uint8Array,
  slots: Int32Array,
  kind: Uint8Array,
  values: Float64Array,
  local: Float64Array,
  wanted: Uint8Array,
  shared: number,
  lanes: number,
): void {
  for (let i = 0; i < nodes.length; i++) {
    const v = nodes[i]!;
    const logical = slots[i]!;
    v.stamp = -1 - logical;
    const leaf = ops[i] === Op.leaf;
    if (leaf) wanted[logical] = kind[i]! & 1;
    const slot = physical(logical, shared, lanes);
    if (slot < shared) {
      values[slot] = v.data;
      continue;
    }
    const l = leaf ? 0 : v.local;
    for (let k = slot; k < slot + lanes; k++) {
      values[k] = v.data;
      local[k] = l;
    }
  }
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
function toPhysicalSlots(code: Int32Array, shared: number, lanes: number): void {
  for (let p = 0; p < code.length; p += stride) {
    const op = code[p]!;
    code[p + 1] = physical(code[p + 1]!, shared, lanes);
    if (op === Op.sum || op === squaredErrors) continue; // operand lists are already physical
    if (op === Op.dot || op === Op.neuron) {
      code[p + 5] = physical(code[p + 5]!, shared, lanes);
      continue;
    }
    code[p + 2] = physical(code[p + 2]!, shared, lanes);
    code[p + 3] = physical(code[p + 3]!, shared, lanes);
    if (op === denseDot || op === fusedNeuron) code[p + 5] = physical(code[p + 5]!, shared, lanes);
    if (op === fusedNeuron || op === layer) code[p + 7] = physical(code[p + 7]!, shared, lanes);
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
  const bad = firstNonValue(list);
  if (bad >= 0) {
    throw new InvalidArgumentError({
      argument,
      method: 'compile',
      expected: 'an iterable of Values',
      received: list[bad],
    });
  }
  return list;
}

/** The index of the first item that is not a `Value`, or −1. */
function firstNonValue(list: readonly unknown[]): number {
  for (let i = 0; i < list.length; i++) if (!(list[i] instanceof Value)) return i;
  return -1;
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
  if (code[p] === fusedNeuron && !weightsThenBias(p)) return false;
  if (code[p] !== fusedNeuron && code[p] !== layer) return false;
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
