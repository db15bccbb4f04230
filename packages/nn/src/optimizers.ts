import type { Value } from '@mg/engine';

/** The update rules `train` offers. */
export type OptimizerName = 'sgd' | 'momentum' | 'adam';

/** The optimizers, default first. */
export const optimizerNames: readonly OptimizerName[] = ['sgd', 'momentum', 'adam'];

/**
 * Updates parameters in place from their gradients, wherever they are held: in a compiled tape's
 * slots, or in the `Value`s themselves. Both methods run the same update rule per parameter, so
 * both training modes get the same numbers.
 */
export interface Optimizer {
  /** Parameter j is `values[slots[j]]`, its gradient `grads[slots[j]]` (compiled mode). */
  step(values: Float64Array, grads: Float64Array): void;
  /** Parameter j is `params[j]` (eager mode: no copying to and from arrays). */
  stepValues(params: readonly Value[]): void;
}

/**
 * One parameter's update: its new value, from parameter j's value and gradient. `begin`, if
 * given, runs once per step before the parameters (e.g. to advance Adam's step count).
 */
interface UpdateRule {
  update(j: number, value: number, grad: number): number;
  begin?(): void;
}

/** Momentum coefficient of `'momentum'` (PyTorch's SGD with momentum, no dampening). */
const momentum = 0.9;
/** Adam's defaults from Kingma & Ba 2015 (https://arxiv.org/abs/1412.6980). */
const beta1 = 0.9;
const beta2 = 0.999;
const epsilon = 1e-8;

/** An optimizer with its state allocated once, for parameters at `slots`. */
export function createOptimizer(
  name: OptimizerName,
  learningRate: number,
  slots: Int32Array,
): Optimizer {
  const rule = updateRule(name, learningRate, slots.length);
  // Compiled mode usually holds parameter j in slot j: the update then needs no slot lookups.
  const leading = slots.every((slot, j) => slot === j);
  return {
    step(values, grads) {
      if (name === 'sgd') {
        // The rule below, written out: the per-parameter call costs more than the update.
        sgdStep(values, grads, leading ? null : slots, slots.length, learningRate);
        return;
      }
      rule.begin?.();
      for (let j = 0; j < slots.length; j++) {
        const s = slots[j]!;
        values[s] = rule.update(j, values[s]!, grads[s]!);
      }
    },
    stepValues(params) {
      if (name === 'sgd') {
        sgdStepValues(params, learningRate);
        return;
      }
      rule.begin?.();
      for (let j = 0; j < params.length; j++) {
        const p = params[j]!;
        p.data = rule.update(j, p.data, p.grad);
      }
    },
  };
}

/**
 * SGD's update of `n` parameters, parameter j in slot `slots[j]` (in slot j if `slots` is null).
 * A plain function of its arguments: the loop then keeps the rate and the count in registers
 * (read from the closure, the loop of 124 parameters took as long as a 4-sample forward pass).
 */
function sgdStep(
  values: Float64Array,
  grads: Float64Array,
  slots: Int32Array | null,
  n: number,
  learningRate: number,
): void {
  if (slots === null) {
    for (let j = 0; j < n; j++) values[j] = values[j]! - learningRate * grads[j]!;
    return;
  }
  for (let j = 0; j < n; j++) {
    const s = slots[j]!;
    values[s] = values[s]! - learningRate * grads[s]!;
  }
}

/** SGD's update of `Value` parameters (eager mode), a plain function for the same reason as `sgdStep`. */
function sgdStepValues(params: readonly Value[], learningRate: number): void {
  for (let j = 0; j < params.length; j++) {
    const p = params[j]!;
    p.data = p.data - learningRate * p.grad;
  }
}

function updateRule(name: OptimizerName, lr: number, n: number): UpdateRule {
  switch (name) {
    case 'sgd':
      // The original's update: p -= lr · grad.
      return { update: (_j, p, g) => p - lr * g };
    case 'momentum': {
      const velocity = new Float64Array(n);
      return {
        update(j, p, g) {
          velocity[j] = momentum * velocity[j]! + g;
          return p - lr * velocity[j]!;
        },
      };
    }
    case 'adam': {
      const m = new Float64Array(n);
      const v = new Float64Array(n);
      // Running powers β^t instead of Math.pow, which is not required to round the same everywhere.
      let beta1t = 1;
      let beta2t = 1;
      return {
        begin() {
          beta1t *= beta1;
          beta2t *= beta2;
        },
        update(j, p, g) {
          m[j] = beta1 * m[j]! + (1 - beta1) * g;
          v[j] = beta2 * v[j]! + (1 - beta2) * g * g;
          const mHat = m[j]! / (1 - beta1t);
          const vHat = v[j]! / (1 - beta2t);
          return p - (lr * mHat) / (Math.sqrt(vHat) + epsilon);
        },
      };
    }
  }
}
