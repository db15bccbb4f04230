import { InvalidArgumentError, type Value } from '@mg/engine';
import { Neuron } from './neuron';

/** A fully connected layer: every neuron sees every input. */
export class Layer {
  /** The layer's neurons, in output order. */
  readonly neurons: readonly Neuron[];

  /** @param neurons a non-empty array of neurons with the same number of inputs */
  constructor(neurons: readonly Neuron[]) {
    const inputs = Array.isArray(neurons) && neurons[0] instanceof Neuron ? neurons[0].w.length : 0;
    if (inputs === 0 || !neurons.every((n) => n instanceof Neuron && n.w.length === inputs)) {
      throw new InvalidArgumentError({
        argument: 'neurons',
        method: 'new Layer',
        expected: 'a non-empty array of Neurons with the same number of inputs',
        received: neurons,
      });
    }
    this.neurons = [...neurons];
  }

  /** Each neuron's output for inputs `x`, in neuron order. */
  forward(x: readonly Value[]): Value[] {
    // A loop rather than `map`: no closure per call, on eager training's hot path.
    const neurons = this.neurons;
    const out: Value[] = [];
    for (let i = 0; i < neurons.length; i++) out.push(neurons[i]!.forward(x));
    return out;
  }

  /** Neuron by neuron, each neuron's weights then its bias. */
  parameters(): Value[] {
    // Pushed one by one: `flatMap` copies through a generic slow path (milliseconds for a
    // 128-neuron layer), and the network's constructor collects every layer's list.
    const out: Value[] = [];
    for (const n of this.neurons) {
      for (const w of n.w) out.push(w);
      out.push(n.b);
    }
    return out;
  }
}
