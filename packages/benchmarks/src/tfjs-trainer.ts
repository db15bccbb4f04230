import { InvalidArgumentError } from '@mg/engine';
import * as tf from '@tensorflow/tfjs';
import { BenchmarkError } from './errors';
import { parameterCount } from './network';
import { tfjsActivations } from './tfjs-activations';
import type { TrainingProblem } from './workloads';

/** The TensorFlow.js backends measured: pure JavaScript, and WebAssembly. */
export type TfjsBackend = 'cpu' | 'wasm';

/**
 * Selects a TensorFlow.js backend: `cpu`, its pure JavaScript one, or `wasm`
 * (`@tensorflow/tfjs-backend-wasm`, loaded here on demand). In Node the wasm backend reads its
 * `.wasm` file from its own package directory (`dist/tfjs-backend-wasm-simd.wasm` when V8 has
 * SIMD, as Node 20 does; its multi-threaded build is never used in Node), so it runs offline.
 * Production mode skips tfjs' debug checks and its "install tfjs-node" console banner.
 */
export async function useTfjsBackend(backend: TfjsBackend): Promise<void> {
  tf.enableProdMode();
  if (backend === 'wasm') await import('@tensorflow/tfjs-backend-wasm');
  if (!(await tf.setBackend(backend))) {
    throw new BenchmarkError(
      `TensorFlow.js could not select its '${backend}' backend (${tf.getBackend()})`,
    );
  }
  await tf.ready();
}

/**
 * The same training run in TensorFlow.js: a matMul + bias + activation per layer over the whole
 * batch, loss Σ (prediction − target)², `tf.train.sgd` (p −= lr · grad), starting from
 * `parameters` (@mg/nn's order, converted to each layer's [inputs, neurons] weight matrix).
 * Returns every epoch's loss, computed before that epoch's update.
 *
 * NOTE: tfjs computes in float32, so its losses agree with the float64 implementations only to
 * about 1e-6 relative at the start, and drift further over many epochs.
 */
export function trainTfjs(
  problem: TrainingProblem,
  activationName: string,
  parameters: Float64Array,
): Float64Array {
  const activate = tfjsActivations[activationName];
  if (activate === undefined) {
    throw new InvalidArgumentError({
      argument: 'activationName',
      method: 'trainTfjs',
      expected: `one of ${Object.keys(tfjsActivations).join(', ')}`,
      received: activationName,
    });
  }
  const { shape, samples, epochs } = problem;
  if (parameters.length !== parameterCount(shape)) {
    throw new InvalidArgumentError({
      argument: 'parameters',
      method: 'trainTfjs',
      expected: `${parameterCount(shape)} numbers for this network`,
      received: parameters,
    });
  }
  const weights: tf.Variable[] = [];
  const biases: tf.Variable[] = [];
  let p = 0;
  let fanIn = shape.inputs;
  for (const neurons of shape.layers) {
    const w = new Float32Array(fanIn * neurons);
    const b = new Float32Array(neurons);
    for (let j = 0; j < neurons; j++, p += fanIn + 1) {
      for (let i = 0; i < fanIn; i++) w[i * neurons + j] = parameters[p + i]!;
      b[j] = parameters[p + fanIn]!;
    }
    weights.push(tf.variable(tf.tensor2d(w, [fanIn, neurons])));
    biases.push(tf.variable(tf.tensor1d(b)));
    fanIn = neurons;
  }
  const outputs = fanIn;
  const x = tf.tensor2d(Float32Array.from(problem.xs), [samples, shape.inputs]);
  const y = tf.tensor2d(Float32Array.from(problem.ys), [samples, outputs]);
  const optimizer = tf.train.sgd(problem.learningRate);
  const loss = (): tf.Scalar => {
    let h: tf.Tensor = x;
    for (let l = 0; l < weights.length; l++) {
      h = activate(tf.add(tf.matMul(h, weights[l]!), biases[l]!));
    }
    return tf.sum(tf.square(tf.sub(h, y)));
  };
  const losses = new Float64Array(epochs);
  for (let epoch = 0; epoch < epochs; epoch++) {
    const cost = optimizer.minimize(loss, true, [...weights, ...biases])!;
    losses[epoch] = cost.dataSync()[0]!;
    cost.dispose();
  }
  optimizer.dispose();
  tf.dispose([x, y, ...weights, ...biases]);
  return losses;
}
