/** The update rules `train` offers. */
export type OptimizerName = 'sgd' | 'momentum' | 'adam';

/** The optimizers, default first. */
export const optimizerNames: readonly OptimizerName[] = ['sgd', 'momentum', 'adam'];

/**
 * Updates parameters in place from their gradients. Parameter j lives at `values[slots[j]]` and
 * `grads[slots[j]]`, so the same code updates a compiled tape's slots and a plain array: both
 * training modes run this one implementation and so get the same numbers.
 */
export interface Optimizer {
  step(values: Float64Array, grads: Float64Array): void;
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
  const lr = learningRate;
  const n = slots.length;
  switch (name) {
    case 'sgd':
      return {
        // The original's update: p -= lr · grad.
        step(values, grads) {
          for (let j = 0; j < n; j++) values[slots[j]!]! -= lr * grads[slots[j]!]!;
        },
      };
    case 'momentum': {
      const velocity = new Float64Array(n);
      return {
        step(values, grads) {
          for (let j = 0; j < n; j++) {
            velocity[j] = momentum * velocity[j]! + grads[slots[j]!]!;
            values[slots[j]!]! -= lr * velocity[j]!;
          }
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
        step(values, grads) {
          beta1t *= beta1;
          beta2t *= beta2;
          for (let j = 0; j < n; j++) {
            const g = grads[slots[j]!]!;
            m[j] = beta1 * m[j]! + (1 - beta1) * g;
            v[j] = beta2 * v[j]! + (1 - beta2) * g * g;
            const mHat = m[j]! / (1 - beta1t);
            const vHat = v[j]! / (1 - beta2t);
            values[slots[j]!]! -= (lr * mHat) / (Math.sqrt(vHat) + epsilon);
          }
        },
      };
    }
  }
}
