import { availableParallelism } from 'node:os';
import { createRegistry, defaultRegistry, relu, UnknownActivationError } from '@mg/activations';
import { InvalidArgumentError } from '@mg/engine';
import { describe, expect, it } from 'vitest';
import { UnknownDatasetError } from './errors';
import { threadCosts } from './plan-threads';
import { resolveConfig } from './resolve-config';

describe('resolveConfig defaults', () => {
  it('reproduces the experiment the original README describes', () => {
    const { config, dataset, inputs, outputActivation, onProgress } = resolveConfig();
    expect(config).toEqual({
      activations: defaultRegistry().names(),
      layers: [10, 5, 1],
      epochs: 1000,
      learningRate: 0.001,
      seed: 0,
      seeds: 1,
      dataset: 'original',
      threads: 1,
      threshold: 0.1,
    });
    expect(config.activations).toHaveLength(11);
    expect(dataset.xs).toHaveLength(4);
    expect(inputs).toBe(3);
    expect(outputActivation).toBeNull();
    expect(onProgress).toBeNull();
  });

  it("accepts every seed nn's MLP accepts, 0 to 2^32 − 1", () => {
    expect(resolveConfig({ seed: 0 }).config.seed).toBe(0);
    expect(resolveConfig({ seed: 2 ** 32 - 1 }).config.seed).toBe(2 ** 32 - 1);
  });

  it('scales the default threshold with the sample count (0.025 per sample)', () => {
    expect(resolveConfig({ dataset: 'moons' }).config.threshold).toBe(0.8);
    expect(resolveConfig({ dataset: 'moons', threshold: 0.5 }).config.threshold).toBe(0.5);
  });

  it('takes the output activation and input width from the dataset', () => {
    const sine = resolveConfig({ dataset: 'sine' });
    expect(sine.outputActivation).toBe('identity');
    expect(sine.inputs).toBe(1);
    const custom = resolveConfig({ dataset: { xs: [[1, 2]], ys: [[1, 0]] }, layers: [3, 2] });
    expect(custom.config.dataset).toBe('custom');
    expect(custom.inputs).toBe(2);
  });

  it('lets the cost model choose the threads: inline for the default run (on any core count)', () => {
    expect(resolveConfig().threadPlan).toMatchObject({ threads: 1, reason: 'model' });
  });

  it('gives the cost model the whole work: tasks, parameters, samples, epochs', () => {
    const plan = resolveConfig({ seeds: 2, epochs: 10 }).threadPlan;
    // 22 tasks · 101 parameters · 4 samples · 10 epochs.
    expect(plan.estimatesMs[0]).toBeCloseTo((22 * 101 * 4 * 10 * threadCosts.nsPerUnit) / 1e6, 9);
  });

  it('keeps a requested thread count up to the cores, and clamps a larger one', () => {
    expect(resolveConfig({ threads: 1 }).threadPlan).toMatchObject({
      threads: 1,
      reason: 'requested',
    });
    const many = resolveConfig({ threads: 300 });
    expect(many.threadPlan.reason).toBe('clamped');
    expect(many.config.threads).toBe(availableParallelism());
  });
});

describe('resolveConfig errors', () => {
  it('lists the known activations for an unknown one (the registry error)', () => {
    expect(() => resolveConfig({ activations: ['relu', 'rleu'] })).toThrow(UnknownActivationError);
    expect(() => resolveConfig({ activations: ['rleu'] })).toThrow(
      /Unknown activation 'rleu'\. Did you mean 'relu'\? Known: identity, heaviside/,
    );
  });

  it('looks names up in the given registry', () => {
    const registry = createRegistry([relu]);
    expect(resolveConfig({ registry }).config.activations).toEqual(['relu']);
    expect(() => resolveConfig({ registry, activations: ['tanh'] })).toThrow(
      UnknownActivationError,
    );
  });

  it('lists the known datasets for an unknown one', () => {
    expect(() => resolveConfig({ dataset: 'spirals' })).toThrow(UnknownDatasetError);
    expect(() => resolveConfig({ dataset: 'spirals' })).toThrow(
      "Unknown dataset 'spirals'. Known: original, xor, moons, circles, sine, spiral, gaussians",
    );
  });

  it.each([
    [
      { epochs: 0 },
      "Argument 'config.epochs' passed to 'runComparison' must be a positive integer, but got number 0",
    ],
    [
      { epochs: 2.5 },
      "Argument 'config.epochs' passed to 'runComparison' must be a positive integer, but got number 2.5",
    ],
    [
      { learningRate: 0 },
      "Argument 'config.learningRate' passed to 'runComparison' must be a finite number > 0, but got number 0",
    ],
    [
      { learningRate: -0.1 },
      "Argument 'config.learningRate' passed to 'runComparison' must be a finite number > 0, but got number -0.1",
    ],
    [
      { learningRate: Number.NaN },
      "Argument 'config.learningRate' passed to 'runComparison' must be a finite number > 0, but got number NaN",
    ],
    [
      { seeds: 0 },
      "Argument 'config.seeds' passed to 'runComparison' must be a positive integer, but got number 0",
    ],
    [
      { threads: 0 },
      "Argument 'config.threads' passed to 'runComparison' must be a positive integer, but got number 0",
    ],
    [
      { seed: 1.5 },
      "Argument 'config.seed' passed to 'runComparison' must be an integer from 0 to 2^32 − 1, but got number 1.5",
    ],
    [
      { seed: -4 },
      "Argument 'config.seed' passed to 'runComparison' must be an integer from 0 to 2^32 − 1, but got number -4",
    ],
    [
      { seed: 2 ** 32 },
      "Argument 'config.seed' passed to 'runComparison' must be an integer from 0 to 2^32 − 1, but got number 4294967296",
    ],
    [
      { seed: 2 ** 32 - 2, seeds: 3 },
      "Argument 'config.seeds' passed to 'runComparison' must be a count that keeps seed + seeds − 1 at most 2^32 − 1 (seed is 4294967294), but got number 3",
    ],
    [
      { threshold: 0 },
      "Argument 'config.threshold' passed to 'runComparison' must be a finite number > 0, but got number 0",
    ],
    [
      { layers: [] },
      "Argument 'config.layers' passed to 'runComparison' must be a non-empty array of positive integers, but got an array of length 0",
    ],
    [
      { layers: [10, 0, 1] },
      "Argument 'config.layers' passed to 'runComparison' must be an array of positive integers, but got number 0",
    ],
    [
      { layers: [10, 2] },
      "Argument 'config.layers' passed to 'runComparison' must be a last layer of 1 neuron(s), one per target of the dataset, but got number 2",
    ],
    [
      { activations: [] },
      "Argument 'config.activations' passed to 'runComparison' must be a non-empty array of activation names, but got an array of length 0",
    ],
    [
      { activations: ['relu', 'relu'] },
      "Argument 'config.activations' passed to 'runComparison' must be names without duplicates, but got string 'relu'",
    ],
    [
      { dataset: { xs: [[1], [2, 3]], ys: [1, 2] } },
      "Argument 'config.dataset.xs' passed to 'runComparison' must be rows of 1 numbers, but got an array of length 2",
    ],
    [
      { dataset: { xs: [[1]], ys: [1, 2] } },
      "Argument 'config.dataset.ys' passed to 'runComparison' must be an array of 1 targets, one per row of xs, but got an array of length 2",
    ],
    [
      { onProgress: 'yes' },
      "Argument 'config.onProgress' passed to 'runComparison' must be a function, but got string 'yes'",
    ],
  ])('rejects %o', (config, message) => {
    expect(() => resolveConfig(config as never)).toThrow(InvalidArgumentError);
    expect(() => resolveConfig(config as never)).toThrow(message);
  });
});
