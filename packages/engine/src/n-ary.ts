import { InvalidArgumentError } from './errors';
import { Op } from './op-codes';
import { assertUnaryFunction, type UnaryFunction } from './unary-function';
import { initNode, lift, Value, type ValueLike } from './value';

/**
 * Σ values as one node (its gradient loop adds the output's gradient to every term), instead of
 * a chain of n−1 binary additions. Adds left to right from 0, as Python's `sum` does.
 * NOTE: an array holding only Values is kept by reference, not copied: like the graph's nodes,
 * treat it as fixed once used (numbers in it are lifted into a new array).
 */
export function sum(values: readonly ValueLike[]): Value {
  const terms = liftAll(values, 'values', 'sum');
  let total = 0;
  for (const t of terms) total += t.data;
  return initNode(new Value(0), Op.sum, total, null, null, terms, null, null, 0);
}

/**
 * `bias + Σ weights[i]·inputs[i]` as one node: a neuron's pre-activation in one step instead of
 * 2n binary nodes. Adds from the bias, left to right, as micrograd's `sum(..., self.b)` does.
 * NOTE: arrays holding only Values are kept by reference, as in {@link sum}.
 */
export function dot(
  weights: readonly ValueLike[],
  inputs: readonly ValueLike[],
  bias?: ValueLike,
): Value {
  if (bias === undefined || bias instanceof Value) {
    const node = dotOfValues(weights, inputs, bias ?? null);
    if (node !== null) return node;
  }
  const w = liftAll(weights, 'weights', 'dot');
  const x = liftAll(inputs, 'inputs', 'dot');
  assertSameLength(w, x, inputs, 'dot');
  const b = bias === undefined ? null : lift(bias, 'bias', 'dot');
  const total = addProducts(b === null ? 0 : b.data, w, x);
  return initNode(new Value(0), Op.dot, total, b, null, w, x, null, 0);
}

/**
 * `dot`'s common case, two equally long arrays of Values: checked in the same pass that adds up
 * the products. `null` for anything else, which `dot` then lifts or rejects.
 */
function dotOfValues(weights: unknown, inputs: unknown, b: Value | null): Value | null {
  if (!Array.isArray(weights) || !Array.isArray(inputs) || weights.length !== inputs.length) {
    return null;
  }
  let total = b === null ? 0 : b.data;
  for (let i = 0; i < weights.length; i++) {
    const w: unknown = weights[i];
    const x: unknown = inputs[i];
    if (!(w instanceof Value && x instanceof Value)) return null;
    total += w.data * x.data;
  }
  return initNode(new Value(0), Op.dot, total, b, null, weights, inputs, null, 0);
}

/**
 * `fn(bias + Σ weights[i]·inputs[i])`, a whole neuron, as one node: the numbers of
 * `dot(weights, inputs, bias).apply(fn)` (the same sum, then `fn` and its local derivative), and
 * the same gradients, bit for bit, from one node instead of two. `@mg/nn`'s eager training builds
 * its neurons this way; a network's own `forward` keeps the two nodes, so that graph views show
 * the pre-activation and `compile` can fold them into its layer instructions.
 * NOTE: arrays holding only Values are kept by reference, as in {@link sum}.
 */
export function neuron(
  weights: readonly ValueLike[],
  inputs: readonly ValueLike[],
  bias: ValueLike,
  fn: UnaryFunction,
): Value {
  assertUnaryFunction(fn, 'neuron');
  const b = lift(bias, 'bias', 'neuron');
  // No one-pass fast path as `dot` has: eager networks take `denseLayer`'s.
  const w = liftAll(weights, 'weights', 'neuron');
  const x = liftAll(inputs, 'inputs', 'neuron');
  assertSameLength(w, x, inputs, 'neuron');
  return neuronNode(w, x, b, fn, addProducts(b.data, w, x));
}

/**
 * A dense layer as one {@link neuron} node per row: `fn(biases[j] + Σ rows[j][i]·inputs[i])` for
 * every row j, the nodes `rows.map((w, j) => neuron(w, inputs, biases[j], fn))` would make, bit for
 * bit, with the inputs and `fn` checked once for the layer instead of once per neuron. `@mg/nn`'s
 * eager training builds its layers with it.
 * NOTE: arrays holding only Values are kept by reference, as in {@link sum}.
 */
export function denseLayer(
  rows: readonly (readonly ValueLike[])[],
  inputs: readonly ValueLike[],
  biases: readonly ValueLike[],
  fn: UnaryFunction,
): Value[] {
  assertUnaryFunction(fn, 'denseLayer');
  const x = liftAll(inputs, 'inputs', 'denseLayer');
  if (!Array.isArray(rows)) {
    throw new InvalidArgumentError({
      argument: 'rows',
      method: 'denseLayer',
      expected: 'an array of weight arrays, one per neuron',
      received: rows,
    });
  }
  if (!Array.isArray(biases) || biases.length !== rows.length) {
    throw new InvalidArgumentError({
      argument: 'biases',
      method: 'denseLayer',
      expected: `an array of ${rows.length} Values or finite numbers, one per row`,
      received: biases,
    });
  }
  const out: Value[] = [];
  for (let j = 0; j < rows.length; j++) {
    const bias: unknown = biases[j];
    // The argument's name is only built for a number or a mistake.
    const b = bias instanceof Value ? bias : lift(bias, `biases[${j}]`, 'denseLayer');
    const row: unknown = rows[j];
    // The common case here, a row of Values as long as the inputs, checked in the pass that adds
    // it up; anything else goes to `rowNeuron`, which lifts or rejects it.
    let total = b.data;
    let i = -1;
    if (Array.isArray(row) && row.length === x.length) {
      // NOTE: a plain loop with a break: a loop condition that also tests a flag took 3 % more
      // instructions per epoch of eager training.
      for (i = 0; i < row.length; i++) {
        const w: unknown = row[i];
        if (!(w instanceof Value)) break;
        total += w.data * x[i]!.data;
      }
    }
    // i reached the end only for a row of Values as long as the inputs.
    out.push(
      i === x.length ? neuronNode(row as Value[], x, b, fn, total) : rowNeuron(row, x, b, fn, j),
    );
  }
  return out;
}

/** Row j of {@link denseLayer} when it is not a row of Values: lifted, or rejected by name. */
function rowNeuron(
  row: unknown,
  x: readonly Value[],
  b: Value,
  fn: UnaryFunction,
  j: number,
): Value {
  const w = liftAll(row as readonly ValueLike[], `rows[${j}]`, 'denseLayer');
  if (w.length !== x.length) {
    throw new InvalidArgumentError({
      argument: `rows[${j}]`,
      method: 'denseLayer',
      expected: `an array of ${x.length} weights, one per input`,
      received: row,
    });
  }
  return neuronNode(w, x, b, fn, addProducts(b.data, w, x));
}

/** `start + Σ w[i]·x[i]`, left to right: the sum of `dot` and `neuron` nodes. */
function addProducts(start: number, w: readonly Value[], x: readonly Value[]): number {
  let total = start;
  for (let i = 0; i < w.length; i++) total += w[i]!.data * x[i]!.data;
  return total;
}

/** The neuron node of pre-activation `total`: fn's value and local derivative, as `apply` has them. */
function neuronNode(
  w: readonly Value[],
  x: readonly Value[],
  b: Value,
  fn: UnaryFunction,
  total: number,
): Value {
  const y = fn.forward(total);
  const local = fn.derivative(total, y);
  return initNode(new Value(0, fn.name), Op.neuron, y, b, null, w, x, fn, local);
}

/** Throws unless the lifted weights and inputs are equally long (naming `inputs`). */
function assertSameLength(
  w: readonly Value[],
  x: readonly Value[],
  inputs: unknown,
  method: string,
): void {
  if (w.length !== x.length) {
    throw new InvalidArgumentError({
      argument: 'inputs',
      method,
      expected: `an array of the same length as weights (${w.length})`,
      received: inputs,
    });
  }
}

function liftAll(values: readonly ValueLike[], argument: string, method: string): readonly Value[] {
  if (!Array.isArray(values)) {
    throw new InvalidArgumentError({
      argument,
      method,
      expected: 'an array of Values or finite numbers',
      received: values,
    });
  }
  // An array of Values is kept as it is: copying every neuron's weights and every layer's inputs
  // once per node was most of a large network's garbage.
  let allValues = true;
  for (let i = 0; i < values.length && allValues; i++) allValues = values[i] instanceof Value;
  if (allValues) return values as readonly Value[];
  const lifted = new Array<Value>(values.length);
  for (let i = 0; i < values.length; i++) lifted[i] = lift(values[i], `${argument}[${i}]`, method);
  return lifted;
}
