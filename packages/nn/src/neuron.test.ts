import { relu, tanh } from '@mg/activations';
import { InvalidArgumentError, Value } from '@mg/engine';
import { describe, expect, it } from 'vitest';
import { Layer } from './layer';
import { Neuron } from './neuron';

describe('Neuron and Layer', () => {
  it('a neuron computes activation(b + Σ w·x) and backpropagates into w, x and b', () => {
    const n = new Neuron([2, -3], 0.5, relu);
    const x = [new Value(1.5), new Value(0.25)];
    const y = n.forward(x);
    expect(y.data).toBe(0.5 + 2 * 1.5 - 3 * 0.25);
    y.backward();
    expect(n.w.map((w) => w.grad)).toEqual([1.5, 0.25]);
    expect(x.map((v) => v.grad)).toEqual([2, -3]);
    expect(n.b.grad).toBe(1);
    expect(n.parameters()).toEqual([...n.w, n.b]);
  });

  it('a layer applies every neuron to the same inputs, parameters neuron by neuron', () => {
    const a = new Neuron([1], 0, tanh);
    const b = new Neuron([-1], 0.5, tanh);
    const layer = new Layer([a, b]);
    expect(layer.forward([new Value(0.3)]).map((v) => v.data)).toEqual([
      Math.tanh(0.3),
      Math.tanh(0.2),
    ]);
    expect(layer.parameters()).toEqual([a.w[0], a.b, b.w[0], b.b]);
  });

  it('rejects bad arguments', () => {
    expect(() => new Neuron([], 0, tanh)).toThrow(InvalidArgumentError);
    expect(() => new Neuron([1], 0, {} as never)).toThrow(/'activation' passed to 'new Neuron'/);
    expect(() => new Neuron([Number.NaN], 0, tanh)).toThrow(InvalidArgumentError);
    expect(() => new Neuron([1, Number.NaN], 0, tanh)).toThrow(
      "Argument 'weights[1]' passed to 'new Neuron' must be a finite number, but got number NaN",
    );
    expect(() => new Neuron([1], Number.POSITIVE_INFINITY, tanh)).toThrow(
      "Argument 'bias' passed to 'new Neuron' must be a finite number, but got number Infinity",
    );
    expect(() => new Neuron([1], 0, tanh).forward(undefined as never)).toThrow(
      "Argument 'x' passed to 'Neuron.forward' must be an array of 1 Values, but got undefined",
    );
    expect(() => new Neuron([1, 2], 0, tanh).forward([new Value(1)])).toThrow(
      /'x' passed to 'Neuron.forward' must be an array of 2 Values/,
    );
    expect(() => new Layer([])).toThrow(/'neurons' passed to 'new Layer'/);
    expect(() => new Layer([new Neuron([1], 0, tanh), new Neuron([1, 2], 0, tanh)])).toThrow(
      InvalidArgumentError,
    );
  });
});
