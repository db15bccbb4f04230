import type { Activation } from '@mg/activations';
import { denseLayer, neuron, type Value } from '@mg/engine';
import type { MLP } from './mlp';
import type { Neuron } from './neuron';

/** A layer as `denseLayer` takes it, gathered once per training rather than once per sample. */
export interface LayerRows {
  /** Each neuron's weights, in neuron order. */
  readonly rows: readonly (readonly Value[])[];
  /** Each neuron's bias. */
  readonly biases: readonly Value[];
  /** The activation all its neurons share, or null when they differ (then one call per neuron). */
  readonly activation: Activation | null;
  /** The neurons themselves, for a layer whose activations differ. */
  readonly neurons: readonly Neuron[];
}

/** The model's layers as {@link LayerRows}. */
export function layerRows(model: MLP): LayerRows[] {
  return model.layers.map(({ neurons }) => {
    const shared = neurons[0]!.activation;
    return {
      rows: neurons.map((n) => n.w),
      biases: neurons.map((n) => n.b),
      activation: neurons.every((n) => n.activation === shared) ? shared : null,
      neurons,
    };
  });
}

/**
 * The outputs for input nodes `x`, as eager training builds them: each neuron one `neuron` node
 * (not a dot and an activation node), a layer at a time through `denseLayer`, which checks the
 * layer's inputs once. The numbers and gradients of `mlp.forward`'s graph, bit for bit, with one
 * node fewer per neuron to make, queue and visit.
 */
export function forwardLayers(layers: readonly LayerRows[], x: readonly Value[]): Value[] {
  let h = x;
  for (let l = 0; l < layers.length; l++) {
    const { rows, biases, activation, neurons } = layers[l]!;
    if (activation !== null) {
      h = denseLayer(rows, h, biases, activation);
      continue;
    }
    const out: Value[] = [];
    for (const unit of neurons) out.push(neuron(unit.w, h, unit.b, unit.activation));
    h = out;
  }
  return h as Value[];
}
