import * as tf from '@tensorflow/tfjs';

/** An activation as TensorFlow.js ops, so tf.grad differentiates it. */
export type TensorActivation = (x: tf.Tensor) => tf.Tensor;

/**
 * The eleven built-in activations written with TensorFlow.js ops, matching @mg/activations'
 * definitions (issue 3): tfjs' own kernel where it has one, the defining formula otherwise.
 */
export const tfjsActivations: Readonly<Record<string, TensorActivation>> = {
  identity: (x) => x,
  // NOTE: tf.step(x) is 1 only for x > 0; 1 − step(−x) is 1 for x >= 0, as heaviside(0) = 1.
  heaviside: (x) => tf.sub(1, tf.step(tf.neg(x))),
  sigmoid: (x) => tf.sigmoid(x),
  tanh: (x) => tf.tanh(x),
  relu: (x) => tf.relu(x),
  // Exact erf form: ½x(1 + erf(x/√2)).
  gelu: (x) => tf.mul(tf.mul(0.5, x), tf.add(1, tf.erf(tf.mul(x, Math.SQRT1_2)))),
  softplus: (x) => tf.softplus(x),
  selu: (x) => tf.selu(x),
  leakyRelu: (x) => tf.leakyRelu(x, 0.01),
  silu: (x) => tf.mul(x, tf.sigmoid(x)),
  gaussian: (x) => tf.exp(tf.mul(-0.5, tf.square(x))),
};
