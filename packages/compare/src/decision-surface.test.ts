import { MLP } from '@mg/nn';
import { describe, expect, it } from 'vitest';
import { decisionSurface, hasDecisionSurface, planeBounds } from './decision-surface';
import { runComparison } from './run-comparison';
import { toDecisionBoundariesSpec } from './to-decision-boundaries-spec';
import { trainedNetwork } from './trained-network';

// biome-ignore lint/suspicious/noExplicitAny: the spec is plain JSON, read by path in these tests.
type Json = any;

describe('decision boundaries', async () => {
  const result = await runComparison({
    dataset: 'xor',
    activations: ['tanh', 'relu'],
    epochs: 30,
    learningRate: 0.05,
    threads: 1,
  });

  it('rebuilds the trained network from the result, equal to the parameters returned', () => {
    const model = trainedNetwork(result, 'tanh')!;
    expect(model).toBeInstanceOf(MLP);
    expect(model.getParameters()).toEqual(result.results[0]!.runs[0]!.parameters);
    expect(() => trainedNetwork(result, 'gelu')).toThrow(/tanh, relu/);
  });

  it("evaluates the trained network's output on a grid over the points' plane", () => {
    expect(hasDecisionSurface(result)).toBe(true);
    expect(
      planeBounds([
        [0, 0],
        [1, 1],
      ]),
    ).toEqual({ x: [-0.25, 1.25], y: [-0.25, 1.25] });
    const surface = decisionSurface(result, 'tanh', { resolution: 5 });
    expect(surface.xs).toHaveLength(5);
    expect(surface.outputs).toHaveLength(5);
    const model = trainedNetwork(result, 'tanh')!;
    const [output] = model.forward([surface.xs[1]!, surface.ys[3]!]);
    expect(surface.outputs[3]![1]).toBeCloseTo(output!.data, 12);
  });

  it('draws one heatmap panel per activation on the same grid and colour scale, points on top', () => {
    const spec: Json = toDecisionBoundariesSpec(result, { resolution: 4 });
    expect(spec.datasets.cells).toHaveLength(2 * 16);
    expect(spec.datasets.points).toHaveLength(4);
    const [heat, points] = spec.concat[0].layer;
    expect(heat.encoding.color.scale).toMatchObject({ domain: [-1, 0, 1], clamp: true });
    expect(points.data.name).toBe('points');
    expect(() => toDecisionBoundariesSpec(result, { size: 3 } as never)).toThrow(
      /unknown key 'size'/,
    );
  });

  it("says what was trained, and nothing of the loss charts' scale or dashes", async () => {
    const held = await runComparison({
      dataset: 'moons',
      activations: ['tanh'],
      epochs: 5,
      validation: 0.25,
      threads: 1,
    });
    const subtitle: string = (toDecisionBoundariesSpec(held, { resolution: 4 }) as Json).title
      .subtitle;
    expect(subtitle).toMatch(
      /^moons data · 2-10-5-1 network · SGD, learning rate 0\.001 · seed 0 · /,
    );
    expect(subtitle).toContain("first seed's network");
    expect(subtitle).not.toMatch(/scale|dashed/);
  });

  it('rebuilds per-layer and parameterised activations as runComparison built them', async () => {
    const mixed = await runComparison({
      dataset: 'xor',
      activations: ['tanh/relu', 'leakyRelu(0.2)'],
      epochs: 5,
      threads: 1,
    });
    for (const summary of mixed.results) {
      const model = trainedNetwork(mixed, summary.activation)!;
      expect(model.getParameters()).toEqual(summary.runs[0]!.parameters);
      expect(decisionSurface(mixed, summary.activation, { resolution: 3 }).outputs).toHaveLength(3);
    }
    const layers = trainedNetwork(mixed, 'tanh/relu')!.layerActivations.map((a) => a.name);
    expect(layers.slice(0, 2)).toEqual(['tanh', 'relu']);
  });

  it('refuses data that is not two-dimensional', async () => {
    const original = await runComparison({ activations: ['tanh'], epochs: 2, threads: 1 });
    expect(hasDecisionSurface(original)).toBe(false);
    expect(() => decisionSurface(original, 'tanh')).toThrow(/2-input/);
  });
});
