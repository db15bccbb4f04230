import type { Activation } from '@mg/activations';
import { dot, InvalidArgumentError, Value } from '@mg/engine';
import { isActivation } from './resolve-activation';
import { assertFiniteVector } from './validate';

/**
 * One unit: `activation(b + Σ w[i]·x[i])`, built as exactly two graph nodes (a `dot` node and an
 * activation node) instead of micrograd's 2n + 1 binary nodes. The dot node adds from the bias,
 * left to right, as micrograd's `sum((wi*xi for ...), self.b)`, so the numbers are the same.
 */
export class Neuron {
  /** The weights, one per input, in input order. */
  readonly w: readonly Value[];
  /** The bias. */
  readonly b: Value;
  /** The function applied to the weighted sum. */
  readonly activation: Activation;

  /**
   * @param weights initial weights (finite numbers), one per input
   * @param bias initial bias
   * @param activation the activation applied to the weighted sum
   */
  constructor(weights: readonly number[], bias: number, activation: Activation) {
    if (!Array.isArray(weights) || weights.length === 0) {
      throw new InvalidArgumentError({
        argument: 'weights',
        method: 'new Neuron',
        expected: 'a non-empty array of finite numbers',
        received: weights,
      });
    }
    // Checked here so that the error names `weights[i]` or `bias`, not `new Value`'s `data`.
    assertFiniteVector(weights, weights.length, 'weights', 'new Neuron');
    if (typeof bias !== 'number' || !Number.isFinite(bias)) {
      throw new InvalidArgumentError({
        argument: 'bias',
        method: 'new Neuron',
        expected: 'a finite number',
        received: bias,
      });
    }
    if (!isActivation(activation)) {
      throw new InvalidArgumentError({
        argument: 'activation',
        method: 'new Neuron',
        expected: 'an Activation { name, forward, derivative, apply }',
        received: activation,
      });
    }
    this.w = weights.map((wi) => new Value(wi, 'w'));
    this.b = new Value(bias, 'b');
    this.activation = activation;
  }

  /** The neuron's output for inputs `x` (one per weight). */
  forward(x: readonly Value[]): Value {
    if (!Array.isArray(x) || x.length !== this.w.length) {
      throw new InvalidArgumentError({
        argument: 'x',
        method: 'Neuron.forward',
        expected: `an array of ${this.w.length} Values`,
        received: x,
      });
    }
    // Value.apply rather than the activation's own `apply`: the same node, one call and one
    // check fewer, and one call site for every activation.
    return dot(this.w, x, this.b).apply(this.activation);
  }

  /** The weights in input order, then the bias. */
  parameters(): Value[] {
    return [...this.w, this.b];
  }
}
