import { builtins, softplus } from '@mg/activations';
import { topologicalOrder, Value } from '@mg/engine';
import { beforeEach, describe, expect, it } from 'vitest';
import { giveBackCompiledLoss, takeCompiledLoss } from './compiled-loss';
import { MLP, type MLPOptions } from './mlp';
import { type LossName, lossFunctions, lossNames, sampleLoss } from './sample-loss';
import { forgetShapeTemplate, maxTemplateParameters } from './shape-template';
import { train } from './train';

const data = {
  xs: [
    [0, 0.5],
    [1, -1],
    [0.25, 2],
    [-0.5, 0.75],
    [1.5, 0.1],
  ],
  ys: [0, 1, 1, 0, 0.5],
};

/** A network's losses and final parameters after a short compiled training, each as its bits. */
function trained(options: MLPOptions, loss: LossName, layers = [3, 2, 1]): number[] {
  const net = new MLP(2, layers, { seed: 5, ...options });
  const { losses } = train(net, data, { epochs: 4, learningRate: 0.05, loss, optimizer: 'adam' });
  return [...losses, ...net.getParameters()];
}

/** Whether two lists hold the same numbers bit for bit. */
function same(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
}

/** Whether `model`'s compiled loss is a copy of another network's tape (its leaves are not `model`'s). */
function fromTemplate(model: MLP, loss: LossName): boolean {
  const compiled = takeCompiledLoss(model, loss);
  giveBackCompiledLoss(model, compiled);
  return !compiled.tape.leaves.includes(model.parameterList()[0]!);
}

beforeEach(() => forgetShapeTemplate());

describe('a new network of the last compiled shape starts from a copy of its tape', () => {
  it('every built-in activation, every loss: the numbers of its own compiled tape, bit for bit', () => {
    for (const loss of lossNames) {
      for (const activation of builtins) {
        forgetShapeTemplate();
        const own = trained({ activation }, loss);
        // Another activation compiles the template, then this one is made from it.
        forgetShapeTemplate();
        trained({ activation: activation === builtins[0] ? builtins[1] : builtins[0] }, loss);
        const copied = trained({ activation }, loss);
        expect([loss, activation.name, same(copied, own)]).toEqual([loss, activation.name, true]);
      }
    }
  });

  it('per-layer activations map to their layers, and an identity output layer stays one', () => {
    const mixed = { activation: ['relu', 'tanh'], outputActivation: 'identity' };
    const own = trained(mixed, 'bce', [3, 2, 1]);
    forgetShapeTemplate();
    trained({ activation: ['gelu', 'sigmoid'], outputActivation: 'selu' }, 'bce', [3, 2, 1]);
    expect(same(trained(mixed, 'bce', [3, 2, 1]), own)).toBe(true);
  });

  it('is used only by a network of the same loss, layers and pattern of shared activations', () => {
    const template = new MLP(2, [3, 2, 1], { activation: 'tanh' });
    takeCompiledLoss(template, 'sse');
    expect(fromTemplate(new MLP(2, [3, 2, 1], { activation: 'relu', seed: 3 }), 'sse')).toBe(true);
    // `mse` compiles as `sse` (they differ in the seed only).
    expect(fromTemplate(new MLP(2, [3, 2, 1], { activation: 'gelu' }), 'mse')).toBe(true);
    expect(fromTemplate(new MLP(2, [3, 2, 1], { activation: 'relu' }), 'bce')).toBe(false);
    expect(fromTemplate(new MLP(2, [3, 3, 1], { activation: 'relu' }), 'sse')).toBe(false);
    // The bce network just compiled is the template now; the last check compiled another one.
    takeCompiledLoss(new MLP(2, [3, 2, 1], { activation: 'tanh' }), 'sse');
    const twoFunctions = { activation: ['relu', 'tanh'] };
    expect(fromTemplate(new MLP(2, [3, 2, 1], twoFunctions), 'sse')).toBe(false);
    expect(fromTemplate(new MLP(3, [3, 2, 1], { activation: 'relu' }), 'sse')).toBe(false);
  });

  it('is not kept for a large network, nor when the loss applies one of the activations', () => {
    const wide = Math.ceil(maxTemplateParameters / 4);
    takeCompiledLoss(new MLP(2, [wide, 1], { activation: 'tanh' }), 'sse');
    expect(fromTemplate(new MLP(2, [wide, 1], { activation: 'relu' }), 'sse')).toBe(false);
    forgetShapeTemplate();
    takeCompiledLoss(new MLP(2, [3, 1], { activation: softplus }), 'bce');
    expect(fromTemplate(new MLP(2, [3, 1], { activation: 'tanh' }), 'bce')).toBe(false);
  });
});

describe('lossFunctions', () => {
  it("lists exactly the functions each loss's graph applies", () => {
    for (const loss of lossNames) {
      const outputs = [new Value(0.5), new Value(-1)];
      const graph = sampleLoss(loss, outputs, [new Value(1), new Value(0)]);
      const applied = new Set(
        topologicalOrder(graph).flatMap((v) => (v.fn === null ? [] : [v.fn])),
      );
      expect([loss, [...applied]]).toEqual([loss, [...lossFunctions(loss)]]);
    }
  });
});
