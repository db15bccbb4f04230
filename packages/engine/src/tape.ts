import { InvalidArgumentError } from './errors';
import { Op } from './op-codes';
import type { UnaryFunction } from './unary-function';
import type { Value } from './value';

/**
 * @internal A dot node whose weights and inputs each sit in consecutive slots: no index gathers.
 * Fields: out, weights' first slot, inputs' first slot, length, bias slot (−1: none), flags (bit 0:
 * input gradients wanted; 0 when the inputs are leaves outside `wrt`, so that loop is skipped).
 */
export const denseDot = 13;
/**
 * @internal A neuron: a `denseDot` whose only use is the unary node right after it, as one
 * instruction (half the dispatches of a network). Fields as `denseDot`'s, but `out` is the unary
 * node's slot, the flags carry the activation's index in `fns` above bit 0, and the last field is
 * the dot node's own slot.
 */
export const neuron = 14;
/**
 * @internal A layer: consecutive neurons that share their inputs and activation, as one
 * instruction. Fields: the first neuron's out, the first neuron's first weight slot (neuron j's
 * weights start `j·(length + 1)` later, its bias right after them), inputs' first slot, length,
 * neuron count, flags as `neuron`'s, the first neuron's dot slot. Runs the neurons in order
 * forward and in reverse backward, exactly as the separate neuron instructions would.
 */
export const layer = 15;

/** @internal Fields per instruction in `Tape.code`: op, out, then up to six operands. */
export const stride = 8;

/**
 * A static graph compiled to flat typed arrays, replayed without allocating: `forward()`
 * recomputes every node from the leaves' current numbers, `backward()` backpropagates.
 *
 * It executes the nodes in the same order as the eager engine and repeats each op's arithmetic
 * exactly, so it gives the same numbers as `Value`'s ops and `backward()`, bit for bit. Only the
 * storage differs: each node has a slot in `values` and `grads`, leaves first, then interior nodes
 * grouped by depth, so that a neuron's weights and its layer's inputs are contiguous and a dot
 * product reads them as plain array runs.
 */
export class Tape {
  /** Each node's number, by slot. Leaves occupy slots `0 … leaves.length − 1`. */
  readonly values: Float64Array;
  /** Each node's gradient, by slot. */
  readonly grads: Float64Array;
  /** The graph's leaves (inputs, parameters, constants) in slot order. */
  readonly leaves: readonly Value[];
  /** Per leaf: 1 if its gradient is computed (every leaf, unless `compile` was given `wrt`). */
  readonly wanted: Uint8Array;
  /** The slot of the compiled root. */
  readonly rootSlot: number;
  private readonly local: Float64Array;
  private readonly code: Int32Array;
  private readonly operands: Int32Array;
  private readonly fns: readonly UnaryFunction[];
  private readonly slots: Map<Value, number>;

  /** @internal Use `compile`. */
  constructor(parts: {
    values: Float64Array;
    local: Float64Array;
    code: Int32Array;
    operands: Int32Array;
    fns: UnaryFunction[];
    leaves: Value[];
    wanted: Uint8Array;
    slots: Map<Value, number>;
    rootSlot: number;
  }) {
    this.values = parts.values;
    this.grads = new Float64Array(parts.values.length);
    this.local = parts.local;
    this.code = parts.code;
    this.operands = parts.operands;
    this.fns = parts.fns;
    this.leaves = parts.leaves;
    this.wanted = parts.wanted;
    this.slots = parts.slots;
    this.rootSlot = parts.rootSlot;
  }

  /** The slot of a node of the compiled graph. */
  slotOf(v: Value): number {
    const slot = this.slots.get(v);
    if (slot === undefined) {
      throw new InvalidArgumentError({
        argument: 'v',
        method: 'Tape.slotOf',
        expected: 'a Value of the compiled graph',
        received: v,
      });
    }
    return slot;
  }

  /** Copies every leaf's `data` and `grad` into the tape (after you changed them on the Values). */
  load(): void {
    const { leaves, values, grads } = this;
    for (let i = 0; i < leaves.length; i++) {
      values[i] = leaves[i]!.data;
      grads[i] = leaves[i]!.grad;
    }
  }

  /** Copies the leaves' numbers, and the gradients it computed, back to their `Value`s. */
  store(): void {
    const { leaves, values, grads, wanted } = this;
    for (let i = 0; i < leaves.length; i++) {
      leaves[i]!.data = values[i]!;
      if (wanted[i] === 1) leaves[i]!.grad = grads[i]!;
    }
  }

  /** Recomputes every interior node from the leaf slots; returns the root's number. */
  forward(): number {
    const { code, operands: ix, fns, local: l } = this;
    const v = this.values;
    for (let p = 0; p < code.length; p += stride) {
      const o = code[p + 1]!;
      const a = code[p + 2]!;
      const b = code[p + 3]!;
      switch (code[p]) {
        case Op.add:
          v[o] = v[a]! + v[b]!;
          break;
        case Op.sub:
          v[o] = v[a]! - v[b]!;
          break;
        case Op.mul:
          v[o] = v[a]! * v[b]!;
          break;
        case Op.div:
          v[o] = v[a]! / v[b]!;
          break;
        case Op.neg:
          v[o] = -v[a]!;
          break;
        case Op.powConst:
          v[o] = v[a]! ** l[o]!;
          break;
        case Op.pow:
          v[o] = v[a]! ** v[b]!;
          break;
        case Op.exp:
          v[o] = Math.exp(v[a]!);
          l[o] = v[o]!;
          break;
        case Op.log:
          v[o] = Math.log(v[a]!);
          break;
        case Op.unary: {
          const fn = fns[code[p + 4]!]!;
          const x = v[a]!;
          const y = fn.forward(x);
          v[o] = y;
          l[o] = fn.derivative(x, y);
          break;
        }
        case Op.sum: {
          let total = 0;
          for (let k = a; k < a + b; k++) total += v[ix[k]!]!;
          v[o] = total;
          break;
        }
        case denseDot:
          v[o] = denseDotForward(v, a, b, code[p + 4]!, code[p + 5]!);
          break;
        case neuron: {
          const total = denseDotForward(v, a, b, code[p + 4]!, code[p + 5]!);
          v[code[p + 7]!] = total;
          activate(fns[code[p + 6]! >> 1]!, total, o, v, l);
          break;
        }
        case layer: {
          const fn = fns[code[p + 6]! >> 1]!;
          const n = code[p + 4]!;
          const count = code[p + 5]!;
          const dot = code[p + 7]!;
          for (let j = 0, w = a; j < count; j++, w += n + 1) {
            const total = denseDotForward(v, w, b, n, w + n);
            v[dot + j] = total;
            activate(fn, total, o + j, v, l);
          }
          break;
        }
        case Op.dot: {
          const n = code[p + 4]!;
          const bias = code[p + 5]!;
          let total = bias < 0 ? 0 : v[bias]!;
          for (let k = a; k < a + n; k++) total += v[ix[k]!]! * v[ix[k + n]!]!;
          v[o] = total;
          break;
        }
      }
    }
    return v[this.rootSlot]!;
  }

  /**
   * Backpropagates from the root, as `Value.backward()` does: interior gradients are reset, leaf
   * gradients accumulate (set `grads` of the leaves to 0, or `load()`, between steps).
   * @param seed d(objective)/d(root), 1 by default; e.g. 1/n when the root is one of n terms of a mean
   */
  backward(seed = 1): void {
    const { code, operands: ix, local: l, values: v, grads: gr } = this;
    gr.fill(0, this.leaves.length);
    gr[this.rootSlot]! += seed;
    for (let p = code.length - stride; p >= 0; p -= stride) {
      const o = code[p + 1]!;
      const a = code[p + 2]!;
      const b = code[p + 3]!;
      const g = gr[o]!;
      switch (code[p]) {
        case Op.add:
          gr[a]! += g;
          gr[b]! += g;
          break;
        case Op.sub:
          gr[a]! += g;
          gr[b]! -= g;
          break;
        case Op.mul:
          gr[a]! += v[b]! * g;
          gr[b]! += v[a]! * g;
          break;
        case Op.div:
          gr[a]! += g / v[b]!;
          gr[b]! -= g * (v[o]! / v[b]!);
          break;
        case Op.neg:
          gr[a]! -= g;
          break;
        case Op.powConst:
          gr[a]! += l[o] === 0 ? 0 : l[o]! * v[a]! ** (l[o]! - 1) * g;
          break;
        case Op.pow: {
          const x = v[a]!;
          const y = v[b]!;
          gr[a]! += y === 0 ? 0 : y * x ** (y - 1) * g;
          gr[b]! += (x === 0 && y >= 0 ? 0 : v[o]! * Math.log(x)) * g;
          break;
        }
        case Op.log:
          gr[a]! += g / v[a]!;
          break;
        case Op.exp:
        case Op.unary:
          gr[a]! += l[o]! * g;
          break;
        case Op.sum:
          for (let k = a; k < a + b; k++) gr[ix[k]!]! += g;
          break;
        case denseDot:
          denseDotBackward(v, gr, a, b, code[p + 4]!, code[p + 5]!, code[p + 6]!, g);
          break;
        case neuron: {
          // The activation's rule, then the dot's, as the two separate nodes would run them.
          const dot = code[p + 7]!;
          gr[dot]! += l[o]! * g;
          denseDotBackward(v, gr, a, b, code[p + 4]!, code[p + 5]!, code[p + 6]!, gr[dot]!);
          break;
        }
        case layer: {
          // The layer's neurons in reverse, each as `neuron` above.
          const n = code[p + 4]!;
          const count = code[p + 5]!;
          const dot = code[p + 7]!;
          for (let j = count - 1, w = a + j * (n + 1); j >= 0; j--, w -= n + 1) {
            gr[dot + j]! += l[o + j]! * gr[o + j]!;
            denseDotBackward(v, gr, w, b, n, w + n, code[p + 6]!, gr[dot + j]!);
          }
          break;
        }
        case Op.dot: {
          const n = code[p + 4]!;
          for (let k = a; k < a + n; k++) {
            gr[ix[k]!]! += v[ix[k + n]!]! * g;
            gr[ix[k + n]!]! += v[ix[k]!]! * g;
          }
          if (code[p + 5]! >= 0) gr[code[p + 5]!]! += g;
          break;
        }
      }
    }
  }
}

/** A dense dot's value: bias + Σ w·x over `n` consecutive slots from `w` and `x`, from the bias on. */
function denseDotForward(v: Float64Array, w: number, x: number, n: number, bias: number): number {
  let total = bias < 0 ? 0 : v[bias]!;
  for (let k = 0; k < n; k++) total += v[w + k]! * v[x + k]!;
  return total;
}

/** An activation's value and local derivative at the pre-activation `total`, into slot `o`. */
function activate(
  fn: UnaryFunction,
  total: number,
  o: number,
  v: Float64Array,
  l: Float64Array,
): void {
  const y = fn.forward(total);
  v[o] = y;
  l[o] = fn.derivative(total, y);
}

/**
 * A dense dot's backward rule for incoming gradient `g`; input gradients only if bit 0 of `flags`
 * is set (see `denseDot`).
 */
function denseDotBackward(
  v: Float64Array,
  gr: Float64Array,
  w: number,
  x: number,
  n: number,
  bias: number,
  flags: number,
  g: number,
): void {
  if ((flags & 1) === 1) {
    for (let k = 0; k < n; k++) {
      gr[w + k]! += v[x + k]! * g;
      gr[x + k]! += v[w + k]! * g;
    }
  } else {
    for (let k = 0; k < n; k++) gr[w + k]! += v[x + k]! * g;
  }
  if (bias >= 0) gr[bias]! += g;
}
