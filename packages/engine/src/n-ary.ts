import { InvalidArgumentError } from './errors';
import { Op } from './op-codes';
import { initNode, lift, Value, type ValueLike } from './value';

/**
 * Σ values as one node (its gradient loop adds the output's gradient to every term), instead of
 * a chain of n−1 binary additions. Adds left to right from 0, as Python's `sum` does.
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
 */
export function dot(
  weights: readonly ValueLike[],
  inputs: readonly ValueLike[],
  bias?: ValueLike,
): Value {
  const w = liftAll(weights, 'weights', 'dot');
  const x = liftAll(inputs, 'inputs', 'dot');
  if (w.length !== x.length) {
    throw new InvalidArgumentError({
      argument: 'inputs',
      method: 'dot',
      expected: `an array of the same length as weights (${w.length})`,
      received: inputs,
    });
  }
  const b = bias === undefined ? null : lift(bias, 'bias', 'dot');
  let total = b === null ? 0 : b.data;
  for (let i = 0; i < w.length; i++) total += w[i]!.data * x[i]!.data;
  return initNode(new Value(0), Op.dot, total, b, null, w, x, null, 0);
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
  const lifted = new Array<Value>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    // The common case first: building the argument's name for `lift` costs more than the check.
    lifted[i] = v instanceof Value ? v : lift(v, `${argument}[${i}]`, method);
  }
  return lifted;
}
