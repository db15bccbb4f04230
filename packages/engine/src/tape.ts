import {
  activateLanes,
  blockedLayerInputs,
  denseDotBackwardLanes,
  denseDotForwardLanes,
  denseLayerBackward4,
  denseLayerBackwardLanes,
  denseLayerForward4,
  denseLayerForwardLanes,
  narrowLayerBackward4,
} from './dense-kernels';
import { InvalidArgumentError } from './errors';
import { keepAlive } from './keep-alive';
import { Op } from './op-codes';
import { assertUnaryFunction, type UnaryFunction } from './unary-function';
import type { Value } from './value';

/**
 * @internal A dot node whose weights and inputs each sit in consecutive slots: no index gathers.
 * Fields: out, weights' first slot, inputs' first slot, length, bias slot (−1: none), flags (bit 0:
 * input gradients wanted; 0 when the inputs are leaves outside `wrt`, so that loop is skipped).
 */
export const denseDot = 14;
/**
 * @internal A neuron: a `denseDot` whose only use is the unary node right after it, as one
 * instruction (half the dispatches of a network). Fields as `denseDot`'s, but `out` is the unary
 * node's slot, the flags carry the activation's index in `fns` above bit 0, and the last field is
 * the dot node's own slot.
 */
export const fusedNeuron = 15;
/**
 * @internal A layer: consecutive neurons that share their inputs and activation, as one
 * instruction. Fields: the first neuron's out, the first neuron's first weight slot (neuron j's
 * weights start `j·(length + 1)` later, its bias right after them), inputs' first slot, length,
 * neuron count, flags as `fusedNeuron`'s, the first neuron's dot slot. Runs the neurons in order
 * forward and in reverse backward, exactly as the separate neuron instructions would.
 */
export const layer = 16;

/**
 * @internal A sample's sum of squared errors, `Σ (p[k] − y[k])·(p[k] − y[k])` (as `@mg/nn`'s
 * `sumSquaredError` builds it: a `sub`, a `mul` and the `sum`), as one instruction doing exactly
 * their arithmetic. Fields: out (the sum), where its terms' slots start in `operands` (four per
 * term: p, y, the difference, the square), term count.
 */
export const squaredErrors = 17;

/** The default of no watched nodes (shared: never written). */
const noSlots = new Int32Array(0);
const noNumbers = new Float64Array(0);

/** @internal Fields per instruction in `Tape.code`: op, out, then up to six operands. */
export const stride = 8;

/**
 * The samples a tape runs at once when it was compiled with `perSample` leaves and the graph
 * allows it (see {@link Tape.lanes}): four lets one pass over a weight row serve four samples
 * while every running sum stays in a register.
 */
export const laneWidth = 4;

/**
 * A static graph compiled to flat typed arrays, replayed without allocating: `forward()`
 * recomputes every node from the leaves' current numbers, `backward()` backpropagates.
 *
 * It executes the nodes in the same order as the eager engine and repeats each op's arithmetic
 * exactly, so it gives the same numbers as `Value`'s ops and `backward()`, bit for bit. Only the
 * storage differs: each node has a slot in `values` and `grads`, leaves first, then interior nodes
 * grouped by depth, so that a neuron's weights and its layer's inputs are contiguous and a dot
 * product reads them as plain array runs.
 *
 * Compiled with `perSample` leaves (a model's inputs and targets), the tape can also run many
 * samples through the same graph with {@link Tape.runSamples}: every interior node and
 * per-sample leaf then has {@link Tape.lanes} numbers, one per sample run together, in
 * consecutive places from its slot; the other leaves (the parameters) have one.
 */
export class Tape {
  /** Each node's number, by slot. Leaves occupy the first slots (see `leaves`). */
  readonly values: Float64Array;
  /** Each node's gradient, by slot. */
  readonly grads: Float64Array;
  /**
   * The graph's leaves (inputs, parameters, constants) in slot order: the leaves shared by every
   * sample in slots `0 … k − 1`, then the `perSample` leaves, `lanes` places apart.
   */
  readonly leaves: readonly Value[];
  /** Per leaf: 1 if its gradient is computed (every leaf, unless `compile` was given `wrt`). */
  readonly wanted: Uint8Array;
  /** The slot of the compiled root. */
  readonly rootSlot: number;
  /**
   * How many samples `runSamples` runs per pass: 4 for a tape compiled with `perSample` leaves,
   * unless a leaf whose gradient is wanted is used more than once in the graph (its gradient
   * would then add up in another order than in separate passes); otherwise 1.
   */
  readonly lanes: number;
  private readonly local: Float64Array;
  private readonly code: Int32Array;
  private readonly operands: Int32Array;
  private readonly fns: readonly UnaryFunction[];
  /** The interior nodes after the leaves: interior node k has slot `leaves.length + k` (before lanes). */
  private readonly interior: readonly Value[];
  /**
   * Every slot (before lanes) in creation order of its node, for `slotOf`'s binary search: made on
   * the first call that needs it, since `compile` leaves each node's slot in its `stamp`.
   */
  private byId: Int32Array | null;
  /** Slots below this hold one number; from it on, `lanes` numbers per slot. */
  private readonly shared: number;
  /** The slot of each `perSample` leaf, in the order `compile` was given them. */
  private readonly sampleSlots: Int32Array;

  /** @internal Use `compile`. */
  constructor(parts: {
    values: Float64Array;
    local: Float64Array;
    code: Int32Array;
    operands: Int32Array;
    fns: readonly UnaryFunction[];
    leaves: readonly Value[];
    wanted: Uint8Array;
    interior: readonly Value[];
    rootSlot: number;
    shared: number;
    lanes: number;
    sampleSlots: Int32Array;
  }) {
    this.values = parts.values;
    this.grads = new Float64Array(parts.values.length);
    this.local = parts.local;
    this.code = parts.code;
    this.operands = parts.operands;
    this.fns = parts.fns;
    this.leaves = parts.leaves;
    this.wanted = parts.wanted;
    this.interior = parts.interior;
    this.byId = null;
    this.rootSlot = parts.rootSlot;
    this.shared = parts.shared;
    this.lanes = parts.lanes;
    this.sampleSlots = parts.sampleSlots;
  }

  /** The slot of a node of the compiled graph (of its first lane, for a per-sample node). */
  slotOf(v: Value): number {
    const candidate = v as Partial<Value> | null;
    // `compile` left each node's slot in its `stamp`, unless a later walk overwrote it.
    const guess = typeof candidate?.stamp === 'number' ? -1 - candidate.stamp : -1;
    if (guess >= 0 && this.nodeAt(guess) === v) return this.storageSlot(guess);
    // A binary search by id, with no map from every node to its slot.
    const id = candidate?.id;
    const count = this.leaves.length + this.interior.length;
    this.byId ??= Int32Array.from({ length: count }, (_, s) => s).sort(
      (p, q) => this.nodeAt(p)!.id - this.nodeAt(q)!.id,
    );
    const { byId } = this;
    let lo = 0;
    let hi = byId.length - 1;
    while (typeof id === 'number' && lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const at = this.nodeAt(byId[mid]!)!;
      if (at.id < id) lo = mid + 1;
      else if (at.id > id) hi = mid - 1;
      else if (at === v) return this.storageSlot(byId[mid]!);
      else break;
    }
    throw new InvalidArgumentError({
      argument: 'v',
      method: 'Tape.slotOf',
      expected: 'a Value of the compiled graph',
      received: v,
    });
  }

  /**
   * The unary functions the tape calls (`apply`'s functions, activations), each once, in the order
   * {@link Tape.withFunctions} takes their replacements.
   */
  get functions(): readonly UnaryFunction[] {
    return [...this.fns];
  }

  /**
   * A tape that runs this tape's instructions with `functions[k]` wherever this one calls
   * `functions[k]` of {@link Tape.functions}, on its own copy of the numbers: the same graph with
   * other activations, say, without tracing and compiling it again. It computes what a tape
   * compiled from that graph would, bit for bit. Its `leaves`, `slotOf`, `load` and `store` still
   * name this tape's nodes.
   * @param functions one replacement per function of `functions`, in that order
   */
  withFunctions(functions: readonly UnaryFunction[]): Tape {
    const method = 'Tape.withFunctions';
    if (!Array.isArray(functions) || functions.length !== this.fns.length) {
      throw new InvalidArgumentError({
        argument: 'functions',
        method,
        expected: `an array of ${this.fns.length} UnaryFunctions (one per function of Tape.functions)`,
        received: functions,
      });
    }
    for (const [k, fn] of functions.entries()) assertUnaryFunction(fn, method, `functions[${k}]`);
    const copy = newTape({
      values: this.values.slice(),
      local: this.local.slice(),
      code: this.code,
      operands: this.operands,
      fns: [...functions],
      leaves: this.leaves,
      wanted: this.wanted,
      interior: this.interior,
      rootSlot: this.rootSlot,
      shared: this.shared,
      lanes: this.lanes,
      sampleSlots: this.sampleSlots,
    });
    copy.grads.set(this.grads);
    return copy;
  }

  /** Copies every leaf's `data` and `grad` into the tape (after you changed them on the Values). */
  load(): void {
    const { leaves, values, grads } = this;
    for (let i = 0; i < leaves.length; i++) {
      const slot = this.storageSlot(i);
      values[slot] = leaves[i]!.data;
      grads[slot] = leaves[i]!.grad;
    }
  }

  /** Copies the leaves' numbers, and the gradients it computed, back to their `Value`s. */
  store(): void {
    const { leaves, values, grads, wanted } = this;
    for (let i = 0; i < leaves.length; i++) {
      const slot = this.storageSlot(i);
      leaves[i]!.data = values[slot]!;
      if (wanted[i] === 1) leaves[i]!.grad = grads[slot]!;
    }
  }

  /** Recomputes every interior node from the leaf slots; returns the root's number. */
  forward(): number {
    this.forwardLanes(1);
    return this.values[this.rootSlot]!;
  }

  /**
   * Backpropagates from the root, as `Value.backward()` does: interior gradients are reset, leaf
   * gradients accumulate (set `grads` of the leaves to 0, or `load()`, between steps).
   * @param seed d(objective)/d(root), 1 by default; e.g. 1/n when the root is one of n terms of a mean
   */
  backward(seed = 1): void {
    checkSeed(seed, 'Tape.backward');
    this.backwardLanes(1, seed);
  }

  /**
   * Runs the graph forward and backward for `count` samples, as `count` separate passes would
   * (set the per-sample leaves, `forward()`, `backward(seed)`) from the last sample to the first,
   * and with the same numbers bit for bit — but `lanes` samples per pass. Sample s's per-sample
   * leaves take the numbers `inputs[s·k … s·k + k − 1]` (k = `perSample.length`, in that order);
   * its root's number goes to `roots[s]`. The shared leaves' gradients accumulate over the
   * samples (zero them first for a sum over this batch).
   * @param watch slots (from `slotOf`) of nodes to read as they pass, e.g. a network's outputs
   * @param watched receives, for sample s, node j's number of its forward pass at
   *   `watched[s · watch.length + j]`
   */
  runSamples(
    inputs: Float64Array,
    count: number,
    roots: Float64Array,
    seed = 1,
    watch: Int32Array = noSlots,
    watched: Float64Array = noNumbers,
  ): void {
    const method = 'Tape.runSamples';
    checkSeed(seed, method);
    this.checkSamples(inputs, count, roots, watch, watched, method);
    const { values: v, lanes, rootSlot } = this;
    // Last samples first, as separate passes from the last sample down would reach the weights.
    for (let end = count; end > 0; ) {
      const m = Math.min(end, lanes);
      const start = end - m;
      this.loadSamples(inputs, start, m);
      this.forwardLanes(m);
      for (let i = 0; i < m; i++) roots[start + i] = v[rootSlot + i]!;
      if (watch.length > 0) this.readWatched(watch, watched, start, m);
      this.backwardLanes(m, seed);
      end = start;
    }
  }

  /**
   * `runSamples` without the backward pass: the numbers of separate `forward()` passes, bit for
   * bit, `lanes` samples per pass, and no gradient changes. Arguments as `runSamples` takes them.
   */
  forwardSamples(
    inputs: Float64Array,
    count: number,
    roots: Float64Array,
    watch: Int32Array = noSlots,
    watched: Float64Array = noNumbers,
  ): void {
    this.checkSamples(inputs, count, roots, watch, watched, 'Tape.forwardSamples');
    const { values: v, lanes, rootSlot } = this;
    for (let start = 0; start < count; start += lanes) {
      const m = Math.min(count - start, lanes);
      this.loadSamples(inputs, start, m);
      this.forwardLanes(m);
      for (let i = 0; i < m; i++) roots[start + i] = v[rootSlot + i]!;
      if (watch.length > 0) this.readWatched(watch, watched, start, m);
    }
  }

  /** Copies the watched slots' lanes 0 … m − 1 to samples `start …` of `watched`. */
  private readWatched(watch: Int32Array, watched: Float64Array, start: number, m: number): void {
    const { values: v, shared } = this;
    const w = watch.length;
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < w; j++) watched[(start + i) * w + j] = v[lane(watch[j]!, i, shared)]!;
    }
  }

  /**
   * Throws unless `inputs` and `roots` are Float64Arrays that hold `count` samples, `watch` holds
   * slots of this tape and `watched` room for each of them for every sample.
   */
  private checkSamples(
    inputs: unknown,
    count: unknown,
    roots: unknown,
    watch: unknown,
    watched: unknown,
    method: string,
  ): void {
    const k = this.sampleSlots.length;
    if (!(inputs instanceof Float64Array) || !(roots instanceof Float64Array)) {
      throw new InvalidArgumentError({
        argument: inputs instanceof Float64Array ? 'roots' : 'inputs',
        method,
        expected: 'a Float64Array',
        received: inputs instanceof Float64Array ? roots : inputs,
      });
    }
    if (
      typeof count !== 'number' ||
      !Number.isInteger(count) ||
      count < 0 ||
      count * k > inputs.length ||
      count > roots.length
    ) {
      throw new InvalidArgumentError({
        argument: 'count',
        method,
        expected: `an integer from 0 to the samples that inputs (${k} numbers each) and roots hold`,
        received: count,
      });
    }
    if (!(watch instanceof Int32Array) || !this.allSlots(watch)) {
      throw new InvalidArgumentError({
        argument: 'watch',
        method,
        expected: "an Int32Array of this tape's slots (from slotOf)",
        received: watch,
      });
    }
    if (!(watched instanceof Float64Array) || watched.length < count * watch.length) {
      throw new InvalidArgumentError({
        argument: 'watched',
        method,
        expected: `a Float64Array of at least ${count * watch.length} numbers (${watch.length} per sample)`,
        received: watched,
      });
    }
  }

  /** Whether every number of `slots` is a slot of this tape, as `slotOf` gives them. */
  private allSlots(slots: Int32Array): boolean {
    const { shared, lanes } = this;
    const end = this.values.length;
    for (let j = 0; j < slots.length; j++) {
      const s = slots[j]!;
      // A slot from `shared` on starts its lanes: it lies a whole number of lanes past `shared`.
      if (s < 0 || s >= end || (s >= shared && (s - shared) % lanes !== 0)) return false;
    }
    return true;
  }

  /** Puts samples `start … start + m − 1` of `inputs` into lanes 0 … m − 1 of the per-sample slots. */
  private loadSamples(inputs: Float64Array, start: number, m: number): void {
    const { values: v, sampleSlots } = this;
    const k = sampleSlots.length;
    for (let j = 0; j < k; j++) {
      const slot = sampleSlots[j]!;
      for (let i = 0; i < m; i++) v[slot + i] = inputs[(start + i) * k + j]!;
    }
  }

  /**
   * Where the node of slot `s` keeps its numbers, slots numbered before lanes (leaves first, in
   * `leaves` order, then `interior`): from `shared` on, each slot holds `lanes` numbers.
   */
  private storageSlot(s: number): number {
    return s < this.shared ? s : this.shared + (s - this.shared) * this.lanes;
  }

  /** The node of slot `s` (numbered before lanes), or undefined. */
  private nodeAt(s: number): Value | undefined {
    const { leaves } = this;
    return s < leaves.length ? leaves[s] : this.interior[s - leaves.length];
  }

  /**
   * `forward()` for lanes `0 … m − 1`. The instructions a network compiles to run here; a run of
   * other instructions runs in `forwardElementary`. Two small loops rather than one large one: V8
   * optimises a function after a time in proportion to its size and discards the code of one that
   * called an activation when a program changes activation, so this loop, which calls them, is
   * kept short, and a long chain of elementary instructions still runs in one loop without a call
   * per instruction.
   */
  private forwardLanes(m: number): void {
    const { code, operands: ix, fns, local: l, shared, lanes } = this;
    const v = this.values;
    for (let p = 0; p < code.length; p += stride) {
      const o = code[p + 1]!;
      const a = code[p + 2]!;
      const b = code[p + 3]!;
      switch (code[p]) {
        case squaredErrors:
          for (let i = 0; i < m; i++) {
            let total = 0;
            for (let k = a; k < a + 4 * b; k += 4) {
              const d = v[lane(ix[k]!, i, shared)]! - v[lane(ix[k + 1]!, i, shared)]!;
              v[ix[k + 2]! + i] = d;
              const square = d * d;
              v[ix[k + 3]! + i] = square;
              total += square;
            }
            v[o + i] = total;
          }
          break;
        case denseDot:
          denseDotForwardLanes(v, a, b, code[p + 4]!, code[p + 5]!, o, m, shared, lanes);
          break;
        case fusedNeuron:
        case layer: {
          // A neuron is a layer of one whose bias may be anywhere (or absent).
          const fn = fns[code[p + 6]! >> 1]!;
          const n = code[p + 4]!;
          const dot = code[p + 7]!;
          const ofLayer = code[p] === layer;
          const count = ofLayer ? code[p + 5]! : 1;
          if (fourLaneLayer(code, p, m, count, shared)) {
            denseLayerForward4(fn, v, l, a, b, n, count, o, dot, n >= blockedLayerInputs);
          } else if (ofLayer) {
            denseLayerForwardLanes(fn, v, l, a, b, n, count, o, dot, m, shared, lanes);
          } else {
            denseDotForwardLanes(v, a, b, n, code[p + 5]!, dot, m, shared, lanes);
            activateLanes(fn, v, l, dot, o, m);
          }
          break;
        }
        default:
          // Continue after the run, at the next network instruction (the loop adds the stride).
          p = this.forwardElementary(p, m) - stride;
      }
    }
  }

  /** Runs the elementary instructions from `from` on, up to the next network instruction; returns where it stopped. */
  private forwardElementary(from: number, m: number): number {
    const { code, operands: ix, fns, local: l, shared } = this;
    const v = this.values;
    for (let p = from; p < code.length; p += stride) {
      const o = code[p + 1]!;
      const a = code[p + 2]!;
      const b = code[p + 3]!;
      // Lane i of a slot at or above `shared` is `slot + i`; a shared leaf has one number.
      const sa = a >= shared ? 1 : 0;
      const sb = b >= shared ? 1 : 0;
      switch (code[p]) {
        case Op.add:
          for (let i = 0; i < m; i++) v[o + i] = v[a + i * sa]! + v[b + i * sb]!;
          break;
        case Op.sub:
          for (let i = 0; i < m; i++) v[o + i] = v[a + i * sa]! - v[b + i * sb]!;
          break;
        case Op.mul:
          for (let i = 0; i < m; i++) v[o + i] = v[a + i * sa]! * v[b + i * sb]!;
          break;
        case Op.div:
          for (let i = 0; i < m; i++) v[o + i] = v[a + i * sa]! / v[b + i * sb]!;
          break;
        case Op.neg:
          for (let i = 0; i < m; i++) v[o + i] = -v[a + i * sa]!;
          break;
        case Op.powConst:
          for (let i = 0; i < m; i++) v[o + i] = v[a + i * sa]! ** l[o + i]!;
          break;
        case Op.pow:
          for (let i = 0; i < m; i++) v[o + i] = v[a + i * sa]! ** v[b + i * sb]!;
          break;
        case Op.exp:
          for (let i = 0; i < m; i++) {
            v[o + i] = Math.exp(v[a + i * sa]!);
            l[o + i] = v[o + i]!;
          }
          break;
        case Op.log:
          for (let i = 0; i < m; i++) v[o + i] = Math.log(v[a + i * sa]!);
          break;
        case Op.unary: {
          const fn = fns[code[p + 4]!]!;
          for (let i = 0; i < m; i++) {
            const x = v[a + i * sa]!;
            const y = fn.forward(x);
            v[o + i] = y;
            l[o + i] = fn.derivative(x, y);
          }
          break;
        }
        case Op.sum:
          for (let i = 0; i < m; i++) {
            let total = 0;
            for (let k = a; k < a + b; k++) total += v[lane(ix[k]!, i, shared)]!;
            v[o + i] = total;
          }
          break;
        case Op.dot:
        case Op.neuron: {
          const n = code[p + 4]!;
          const bias = code[p + 5]!;
          // A neuron applies its function to the sum, keeping the derivative, as `apply` does.
          const fn = code[p] === Op.neuron ? fns[code[p + 6]!]! : null;
          for (let i = 0; i < m; i++) {
            let total = bias < 0 ? 0 : v[lane(bias, i, shared)]!;
            for (let k = a; k < a + n; k++) {
              total += v[lane(ix[k]!, i, shared)]! * v[lane(ix[k + n]!, i, shared)]!;
            }
            if (fn === null) {
              v[o + i] = total;
              continue;
            }
            const y = fn.forward(total);
            v[o + i] = y;
            l[o + i] = fn.derivative(total, y);
          }
          break;
        }
        default:
          return p;
      }
    }
    return code.length;
  }

  /**
   * `backward(seed)` for lanes `0 … m − 1`. Each instruction serves its lanes last to first, so
   * a shared leaf used once receives the samples' contributions in the order separate passes
   * (last sample first) would give them. Split as `forwardLanes` is, for the same reasons.
   */
  private backwardLanes(m: number, seed: number): void {
    const { code, operands: ix, local: l, values: v, grads: gr, shared, lanes } = this;
    gr.fill(0, shared);
    for (let i = 0; i < m; i++) gr[this.rootSlot + i]! += seed;
    for (let p = code.length - stride; p >= 0; p -= stride) {
      const o = code[p + 1]!;
      const a = code[p + 2]!;
      const b = code[p + 3]!;
      switch (code[p]) {
        case squaredErrors:
          // The sum's rule, then each term's `mul` and `sub` rules, last term first.
          for (let i = m - 1; i >= 0; i--) {
            for (let k = a; k < a + 4 * b; k += 4) gr[ix[k + 3]! + i]! += gr[o + i]!;
          }
          for (let k = a + 4 * (b - 1); k >= a; k -= 4) {
            for (let i = m - 1; i >= 0; i--) {
              const g = gr[ix[k + 3]! + i]!;
              const d = ix[k + 2]! + i;
              gr[d]! += v[d]! * g;
              gr[d]! += v[d]! * g;
              gr[lane(ix[k]!, i, shared)]! += gr[d]!;
              gr[lane(ix[k + 1]!, i, shared)]! -= gr[d]!;
            }
          }
          break;
        case denseDot:
          denseDotBackwardLanes(
            v,
            gr,
            a,
            b,
            code[p + 4]!,
            code[p + 5]!,
            (code[p + 6]! & 1) === 1,
            o,
            m,
            shared,
            lanes,
          );
          break;
        case fusedNeuron:
        case layer: {
          // Each neuron's activation rule, then its dot's, as the separate nodes would run them;
          // a layer's neurons in reverse.
          const n = code[p + 4]!;
          const dot = code[p + 7]!;
          const inputGradients = (code[p + 6]! & 1) === 1;
          const ofLayer = code[p] === layer;
          const count = ofLayer ? code[p + 5]! : 1;
          if (fourLaneLayer(code, p, m, count, shared)) {
            if (n < blockedLayerInputs) {
              narrowLayerBackward4(v, gr, l, a, b, n, count, o, dot, inputGradients);
            } else {
              denseLayerBackward4(v, gr, l, a, b, n, count, o, dot, inputGradients);
            }
          } else if (ofLayer) {
            denseLayerBackwardLanes(
              v,
              gr,
              l,
              a,
              b,
              n,
              count,
              o,
              dot,
              inputGradients,
              m,
              shared,
              lanes,
            );
          } else {
            for (let i = m - 1; i >= 0; i--) gr[dot + i]! += l[o + i]! * gr[o + i]!;
            denseDotBackwardLanes(
              v,
              gr,
              a,
              b,
              n,
              code[p + 5]!,
              inputGradients,
              dot,
              m,
              shared,
              lanes,
            );
          }
          break;
        }
        default:
          // Continue before the run, at the previous network instruction.
          p = this.backwardElementary(p, m) + stride;
      }
    }
  }

  /** Backward over the elementary instructions from `from` down, to the previous network instruction; returns where it stopped. */
  private backwardElementary(from: number, m: number): number {
    const { code, operands: ix, local: l, values: v, grads: gr, shared } = this;
    for (let p = from; p >= 0; p -= stride) {
      const o = code[p + 1]!;
      const a = code[p + 2]!;
      const b = code[p + 3]!;
      const sa = a >= shared ? 1 : 0;
      const sb = b >= shared ? 1 : 0;
      switch (code[p]) {
        case Op.add:
          for (let i = m - 1; i >= 0; i--) {
            gr[a + i * sa]! += gr[o + i]!;
            gr[b + i * sb]! += gr[o + i]!;
          }
          break;
        case Op.sub:
          for (let i = m - 1; i >= 0; i--) {
            gr[a + i * sa]! += gr[o + i]!;
            gr[b + i * sb]! -= gr[o + i]!;
          }
          break;
        case Op.mul:
          for (let i = m - 1; i >= 0; i--) {
            const g = gr[o + i]!;
            gr[a + i * sa]! += v[b + i * sb]! * g;
            gr[b + i * sb]! += v[a + i * sa]! * g;
          }
          break;
        case Op.div:
          for (let i = m - 1; i >= 0; i--) {
            const g = gr[o + i]!;
            gr[a + i * sa]! += g / v[b + i * sb]!;
            gr[b + i * sb]! -= g * (v[o + i]! / v[b + i * sb]!);
          }
          break;
        case Op.neg:
          for (let i = m - 1; i >= 0; i--) gr[a + i * sa]! -= gr[o + i]!;
          break;
        case Op.powConst:
          for (let i = m - 1; i >= 0; i--) {
            const k = l[o + i]!;
            gr[a + i * sa]! += k === 0 ? 0 : k * v[a + i * sa]! ** (k - 1) * gr[o + i]!;
          }
          break;
        case Op.pow:
          for (let i = m - 1; i >= 0; i--) {
            const g = gr[o + i]!;
            const x = v[a + i * sa]!;
            const y = v[b + i * sb]!;
            gr[a + i * sa]! += y === 0 ? 0 : y * x ** (y - 1) * g;
            gr[b + i * sb]! += (x === 0 && y >= 0 ? 0 : v[o + i]! * Math.log(x)) * g;
          }
          break;
        case Op.log:
          for (let i = m - 1; i >= 0; i--) gr[a + i * sa]! += gr[o + i]! / v[a + i * sa]!;
          break;
        case Op.exp:
        case Op.unary:
          for (let i = m - 1; i >= 0; i--) gr[a + i * sa]! += l[o + i]! * gr[o + i]!;
          break;
        case Op.sum:
          for (let i = m - 1; i >= 0; i--) {
            const g = gr[o + i]!;
            for (let k = a; k < a + b; k++) gr[lane(ix[k]!, i, shared)]! += g;
          }
          break;
        case Op.dot:
        case Op.neuron: {
          const n = code[p + 4]!;
          const bias = code[p + 5]!;
          const fused = code[p] === Op.neuron;
          for (let i = m - 1; i >= 0; i--) {
            // A neuron: its activation's rule first (0 + … as `propagate` has it), then the dot's.
            const g = fused ? 0 + l[o + i]! * gr[o + i]! : gr[o + i]!;
            for (let k = a; k < a + n; k++) {
              const wk = lane(ix[k]!, i, shared);
              const xk = lane(ix[k + n]!, i, shared);
              gr[wk]! += v[xk]! * g;
              gr[xk]! += v[wk]! * g;
            }
            if (bias >= 0) gr[lane(bias, i, shared)]! += g;
          }
          break;
        }
        default:
          return p;
      }
    }
    return -stride;
  }
}

/** `new Tape(parts)`, for the class's own methods: a class that names itself is renamed by the bundler. */
function newTape(parts: ConstructorParameters<typeof Tape>[0]): Tape {
  return new Tape(parts);
}

/**
 * Whether the neuron or layer instruction at `p` (of `count` neurons) takes the four-lane layer
 * kernels: four lanes, shared weights and biases (each neuron's bias right after its weights),
 * per-sample inputs.
 */
function fourLaneLayer(code: Int32Array, p: number, m: number, count: number, shared: number) {
  const w = code[p + 2]!;
  const n = code[p + 4]!;
  return (
    m === 4 &&
    w + count * (n + 1) <= shared &&
    code[p + 3]! >= shared &&
    (code[p] === layer || code[p + 5] === w + n)
  );
}

/** Where lane i of `slot` is: the slot itself for a shared leaf, `slot + i` otherwise. */
function lane(slot: number, i: number, shared: number): number {
  return slot < shared ? slot : slot + i;
}

/** A backward seed must be a finite number: NaN or a string would poison every gradient silently. */
function checkSeed(seed: unknown, method: string): void {
  if (typeof seed !== 'number' || !Number.isFinite(seed)) {
    throw new InvalidArgumentError({
      argument: 'seed',
      method,
      expected: 'a finite number',
      received: seed,
    });
  }
}

// NOTE: as with `Value` (see the end of value.ts), V8 discards the Tape class's hidden class once
// no tape is alive, and with it the optimised code of the replay loops that checks for it: a
// program that trains one network after another and drops each (the benchmark collects garbage
// between its runs) optimised `runSamples` and its kernels anew for every run, which made workload
// A compiled about 1.5× slower. This empty tape lives as long as the module.
keepAlive(
  new Tape({
    values: new Float64Array(0),
    local: new Float64Array(0),
    code: new Int32Array(0),
    operands: new Int32Array(0),
    fns: [],
    leaves: [],
    wanted: new Uint8Array(0),
    interior: [],
    rootSlot: 0,
    shared: 0,
    lanes: 1,
    sampleSlots: new Int32Array(0),
  }),
);
