import { createRandom } from './random';

/** A fully connected network: `inputs` inputs, then one entry per layer giving its neuron count. */
export interface NetworkShape {
  readonly inputs: number;
  readonly layers: readonly number[];
}

/** Number of weights and biases of a network: Σ over layers of (inputs + 1) · neurons. */
export function parameterCount(shape: NetworkShape): number {
  let count = 0;
  let fanIn = shape.inputs;
  for (const neurons of shape.layers) {
    count += (fanIn + 1) * neurons;
    fanIn = neurons;
  }
  return count;
}

/**
 * Seeded initial parameters in @mg/nn's order: layer by layer, neuron by neuron, each neuron's
 * weights in input order, then its bias.
 *
 * `unit` draws every parameter uniformly from (−1, 1), as micrograd does; `fan-in` divides a
 * layer's range by √(its inputs) so that a wide tanh network does not start saturated.
 */
export function initialParameters(
  shape: NetworkShape,
  seed: number,
  scale: 'unit' | 'fan-in',
): Float64Array {
  const random = createRandom(seed);
  const parameters = new Float64Array(parameterCount(shape));
  let p = 0;
  let fanIn = shape.inputs;
  for (const neurons of shape.layers) {
    const range = scale === 'unit' ? 1 : 1 / Math.sqrt(fanIn);
    for (let k = 0; k < (fanIn + 1) * neurons; k++) parameters[p++] = (2 * random() - 1) * range;
    fanIn = neurons;
  }
  return parameters;
}
