import { relu, tanh } from '@mg/activations';
import { Op, sum, Value } from '@mg/engine';
import { describe, expect, it } from 'vitest';
import { forwardLayers, layerRows } from './eager-forward';
import { Layer } from './layer';
import type { MLP } from './mlp';
import { Neuron } from './neuron';

/** A two-layer network; the first layer's neurons have different activations when `mixed`. */
function network(mixed: boolean): MLP {
  const first = new Layer([
    new Neuron([0.3, -0.8], 0.1, tanh),
    new Neuron([-0.5, 0.9], -0.2, mixed ? relu : tanh),
    new Neuron([0.7, 0.4], 0.05, tanh),
  ]);
  const second = new Layer([new Neuron([0.6, -1.1, 0.25], 0.3, tanh)]);
  return { layers: [first, second] } as unknown as MLP;
}

/** The outputs and every parameter's gradient of `forward`'s graph (a sum of the outputs). */
function run(model: MLP, forward: (x: Value[]) => Value[]) {
  const outputs = forward([new Value(1.5), new Value(-0.75)]);
  sum(outputs).backward();
  const grads = model.layers.flatMap((l) => l.parameters().map((p) => p.grad));
  for (const l of model.layers) for (const p of l.parameters()) p.grad = 0;
  return { outputs, grads };
}

describe('forwardLayers (eager training’s forward pass)', () => {
  for (const mixed of [false, true]) {
    it(`gives the numbers of the layers' own forward, bit for bit (${mixed ? 'mixed activations in a layer' : 'one activation per layer'})`, () => {
      const model = network(mixed);
      const layers = layerRows(model);
      expect(layers[0]!.activation).toBe(mixed ? null : tanh);
      const fused = run(model, (x) => forwardLayers(layers, x));
      const plain = run(model, (x) => model.layers.reduce((h, l) => l.forward(h), x));
      expect(fused.outputs.map((v) => v.op)).toEqual([Op.neuron]);
      expect(fused.outputs.map((v) => v.data)).toEqual(plain.outputs.map((v) => v.data));
      expect(fused.grads.every((g, i) => Object.is(g, plain.grads[i]))).toBe(true);
    });
  }
});
