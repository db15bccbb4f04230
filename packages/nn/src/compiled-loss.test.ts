import { compile, dot, Value } from '@mg/engine';
import { describe, expect, it } from 'vitest';
import {
  giveBackCompiledLoss,
  loadParameters,
  parameterSlots,
  slotsInOrder,
  takeCompiledLoss,
} from './compiled-loss';
import { MLP } from './mlp';
import { train } from './train';
import { createTrainer } from './trainer';

const xor = {
  xs: [
    [0, 0],
    [0, 1],
    [1, 0],
    [1, 1],
    [0.5, 0.25],
  ],
  ys: [0, 1, 1, 0, 0.5],
};

/** Every parameter of two networks is the same double. */
function sameParameters(a: MLP, b: MLP): boolean {
  const q = b.getParameters();
  return a.getParameters().every((p, j) => Object.is(p, q[j]));
}

describe('compiled trainings of one network share one compiled loss', () => {
  it('a finished training gives its tape to the next one', () => {
    const net = new MLP(2, [4, 1], { activation: 'tanh' });
    train(net, xor, { epochs: 2, learningRate: 0.1 });
    const first = takeCompiledLoss(net, 'sse');
    giveBackCompiledLoss(net, first);
    train(net, xor, { epochs: 2, learningRate: 0.1, loss: 'mse' });
    expect(takeCompiledLoss(net, 'sse')).toBe(first);
    giveBackCompiledLoss(net, first);
    // The cross-entropy graph is another tape.
    expect(takeCompiledLoss(net, 'bce')).not.toBe(first);
    // Another network of the same shape has its own.
    expect(takeCompiledLoss(new MLP(2, [4, 1], { activation: 'tanh' }), 'sse')).not.toBe(first);
  });

  it('the network itself holds the idle compiled loss (no WeakMap from networks)', () => {
    const net = new MLP(2, [3, 1], { activation: 'relu' });
    expect(net.idleLoss).toBeNull();
    train(net, xor, { epochs: 1, learningRate: 0.1 });
    const kept = net.idleLoss;
    expect(kept?.tape).toBeDefined();
    expect(takeCompiledLoss(net, 'sse')).toBe(kept);
    // Taken: a second training at the same time compiles its own.
    expect(net.idleLoss).toBeNull();
  });

  it('a reused tape gives the numbers of eager mode, whatever the previous training did', () => {
    const compiled = new MLP(2, [3, 2, 1], { activation: 'sigmoid', seed: 9 });
    const eager = MLP.fromJSON(compiled.toJSON());
    const runs = [
      { data: xor, options: { epochs: 3, learningRate: 0.5 } },
      {
        data: { xs: xor.xs.slice(0, 3), ys: xor.ys.slice(0, 3) },
        options: { epochs: 4, learningRate: 0.2, loss: 'mse' as const, optimizer: 'adam' as const },
      },
      { data: xor, options: { epochs: 2, learningRate: 0.1, optimizer: 'momentum' as const } },
    ];
    for (const { data, options } of runs) {
      const a = train(compiled, data, options);
      const b = train(eager, data, { ...options, mode: 'eager' });
      expect(a.losses.every((loss, i) => Object.is(loss, b.losses[i]))).toBe(true);
      expect(sameParameters(compiled, eager)).toBe(true);
    }
  });

  it('two trainings at once never share a tape: trainers side by side, a training inside onEpoch', () => {
    const net = new MLP(2, [4, 1], { activation: 'tanh', seed: 3 });
    const alone = MLP.fromJSON(net.toJSON());
    // A finished training leaves a tape to reuse: only one of the trainers may take it.
    train(net, xor, { epochs: 1, learningRate: 1e-9 });
    train(alone, xor, { epochs: 1, learningRate: 1e-9 });
    const one = createTrainer(net, xor, { learningRate: 0.1 });
    const two = createTrainer(net, xor, { learningRate: 0.3 });
    const reference = createTrainer(alone, xor, { learningRate: 0.1 });
    for (let epoch = 0; epoch < 3; epoch++) {
      two.step();
      expect(Object.is(one.step(), reference.step())).toBe(true);
    }
    const outer = new MLP(2, [4, 1], { activation: 'tanh', seed: 4 });
    const plain = MLP.fromJSON(outer.toJSON());
    train(outer, xor, { epochs: 1, learningRate: 0.1 });
    train(plain, xor, { epochs: 1, learningRate: 0.1 });
    const expected = train(plain, xor, { epochs: 3, learningRate: 0.1 }).losses;
    const nested = train(outer, xor, {
      epochs: 3,
      learningRate: 0.1,
      onEpoch: () => {
        // The same network: this training must compile its own tape (outer's copy of the
        // parameters is unaffected, as onEpoch's documentation says).
        train(outer, xor, { epochs: 1, learningRate: 0.7 });
      },
    }).losses;
    expect(nested).toEqual(expected);
  });
});

describe('parameterSlots', () => {
  it("gives Tape.slotOf's slot of every parameter of a network", () => {
    const net = new MLP(3, [4, 2], { activation: 'tanh', seed: 3 });
    const { tape, params, paramSlots } = takeCompiledLoss(net, 'sse');
    expect(Array.from(paramSlots)).toEqual(params.map((p) => tape.slotOf(p)));
  });

  it('falls back to Tape.slotOf for parameters that are not the first leaves in order', () => {
    // Made last first: the tape puts leaves in creation order, so the list is reversed there.
    const w = [new Value(0.5), new Value(-0.25), new Value(2)].reverse();
    const x = [new Value(1), new Value(3), new Value(-1)];
    const params = [...w, new Value(0.125)];
    const tape = compile(
      dot(w, x, params[3]).apply({ name: 'sq', forward: (t) => t * t, derivative: (t) => 2 * t }),
      { wrt: params },
    );
    expect(Array.from(parameterSlots(tape, params))).toEqual(params.map((p) => tape.slotOf(p)));
    expect(tape.leaves[0]).not.toBe(params[0]);
  });
});

describe('loadParameters and slotsInOrder', () => {
  it("copy the network's current parameters onto its tape", () => {
    const net = new MLP(2, [3, 1], { seed: 5 });
    const compiled = takeCompiledLoss(net, 'sse');
    net.setParameters(net.getParameters().map((p) => p / 2));
    loadParameters(compiled);
    const { tape, params, paramSlots } = compiled;
    expect(params.map((_, j) => tape.values[paramSlots[j]!])).toEqual(net.getParameters());
  });

  it('tell 0, 1, 2, … from any other order', () => {
    expect(slotsInOrder(Int32Array.of(0, 1, 2))).toBe(true);
    expect(slotsInOrder(new Int32Array(0))).toBe(true);
    expect(slotsInOrder(Int32Array.of(0, 2, 1))).toBe(false);
    expect(slotsInOrder(Int32Array.of(1, 2, 3))).toBe(false);
  });
});
