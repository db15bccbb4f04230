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
      validation: 0,
      task: 'regression',
      loss: 'sse',
      optimizer: 'sgd',
      standardize: false,
      outputActivation: null,
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

  it('scales the default threshold with the sample count for a summed loss (0.025 per sample)', () => {
    expect(resolveConfig({ dataset: 'moons', loss: 'sse' }).config.threshold).toBe(0.8);
    // A mean loss ('bce' for the two moons, 'mse') is already per sample.
    expect(resolveConfig({ dataset: 'moons' }).config.threshold).toBe(0.025);
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
    const many = resolveConfig({ threads: 300 }, 6);
    expect(many.threadPlan.reason).toBe('clamped');
    expect(many.config.threads).toBe(6);
  });
});

describe('resolveConfig: validation, task, loss, per-layer activations', () => {
  it('holds out 0.2 of a dataset of 50 rows or more by default, stratified', () => {
    const spiral = resolveConfig({ dataset: 'spiral' });
    expect(spiral.config).toMatchObject({
      validation: 0.2,
      task: 'classification',
      loss: 'bce',
      outputActivation: 'identity',
    });
    // Stratified: round(0.2 × 32) = 6 rows of each class.
    expect(spiral.setup).toMatchObject({ samples: 64, trainingRows: 52, validationRows: 12 });
    // 'bce' trains on classes 0 and 1 (the spiral's targets are ±1).
    expect(new Set(spiral.dataset.ys.flat())).toEqual(new Set([0, 1]));
    expect(spiral.setup.classes).toEqual([-1, 1]);
    const sine = resolveConfig({ dataset: 'sine', validation: 0.25 });
    expect(sine.config).toMatchObject({ task: 'regression', loss: 'mse' });
    expect(sine.validation.xs).toHaveLength(8);
  });

  it('keeps class values for a squared loss, and standardises with training statistics only', () => {
    const moons = resolveConfig({
      dataset: 'moons',
      loss: 'mse',
      standardize: true,
      validation: 0.5,
    });
    expect(new Set(moons.dataset.ys.flat())).toEqual(new Set([-1, 1]));
    const column = (rows: number[][], k: number) => rows.map((row) => row[k]!);
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    expect(mean(column(moons.dataset.xs, 0))).toBeCloseTo(0, 12);
    expect(mean(column(moons.validation.xs, 0))).not.toBeCloseTo(0, 12);
    expect(moons.standardization!.mean).toHaveLength(2);
  });

  it('names activations canonically, and one per hidden layer with a/b', () => {
    const { config, layerActivations } = resolveConfig({
      activations: ['leakyRelu(.20)', 'tanh/elu(1)'],
      layers: [4, 3, 1],
    });
    expect(config.activations).toEqual(['leakyRelu(0.2)', 'tanh/elu(1)']);
    expect(layerActivations).toEqual([
      ['leakyRelu(0.2)', 'leakyRelu(0.2)'],
      ['tanh', 'elu(1)'],
    ]);
  });

  it('lets the user choose the task, the loss and the output activation', () => {
    const forced = resolveConfig({ dataset: 'original', task: 'classification' });
    expect(forced.config).toMatchObject({ loss: 'bce', outputActivation: 'identity' });
    expect(resolveConfig({ dataset: 'moons', outputActivation: 'tanh' }).outputActivation).toBe(
      'tanh',
    );
    expect(resolveConfig({ dataset: 'xor', task: 'regression' }).config.loss).toBe('sse');
  });
});

describe('resolveConfig errors', () => {
  it("names the dataset's outputActivation, or the config's, when the registry lacks it", () => {
    const dataset = { xs: [[0], [1], [2]], ys: [0, 0.5, 2], outputActivation: 'idenity' };
    const withDataset = () => resolveConfig({ dataset, activations: ['tanh'] });
    expect(withDataset).toThrow(UnknownActivationError);
    expect(withDataset).toThrow(
      "Argument 'config.dataset.outputActivation' passed to 'runComparison': Unknown activation 'idenity'. Did you mean 'identity'?",
    );
    // A built-in dataset that asks for an activation a custom registry does not hold.
    expect(() => resolveConfig({ dataset: 'sine', registry: createRegistry([relu]) })).toThrow(
      "Argument 'config.dataset.outputActivation' passed to 'runComparison': Unknown activation 'identity'.",
    );
    expect(() => resolveConfig({ outputActivation: 'sigmod', activations: ['tanh'] })).toThrow(
      "Argument 'config.outputActivation' passed to 'runComparison': Unknown activation 'sigmod'.",
    );
  });

  it('lists the known activations for an unknown one (the registry error)', () => {
    expect(() => resolveConfig({ activations: ['relu', 'rleu'] })).toThrow(UnknownActivationError);
    expect(() => resolveConfig({ activations: ['rleu'] })).toThrow(
      /Unknown activation 'rleu'\. Did you mean 'relu'\? Known: identity, heaviside/,
    );
  });

  it('says that config.activations held the unknown name, also inside a per-layer entry', () => {
    for (const entry of ['rleu', 'tanh/rleu']) {
      expect(() => resolveConfig({ layers: [4, 4, 1], activations: [entry] })).toThrow(
        "Argument 'config.activations' passed to 'runComparison': Unknown activation 'rleu'.",
      );
    }
    let error: unknown;
    try {
      resolveConfig({ activations: ['tanh', 'rleu'] });
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({ argument: 'config.activations', requested: 'rleu' });
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
      { validation: 1 },
      "Argument 'config.validation' passed to 'runComparison' must be a number from 0 to 0.9, but got number 1",
    ],
    [
      { dataset: 'sine', task: 'classification' },
      "Argument 'config.task' passed to 'runComparison' must be 'regression' or 'auto': classification needs exactly 2 distinct target values, and this target has 32, but got string 'classification'",
    ],
    [
      { dataset: 'sine', loss: 'bce' },
      "Argument 'config.loss' passed to 'runComparison' must be 'sse' or 'mse' for regression ('bce' needs two classes), but got string 'bce'",
    ],
    [
      { optimizer: 'rmsprop' },
      "Argument 'config.optimizer' passed to 'runComparison' must be one of 'sgd', 'momentum', 'adam', but got string 'rmsprop'",
    ],
    [
      { activations: ['tanh/relu'], layers: [4, 1] },
      "Argument 'config.activations' passed to 'runComparison' must be one name, or 1 joined by '/' (one per hidden layer of config.layers), but got string 'tanh/relu'",
    ],
    [
      { activations: ['leakyRelu(0.2)', 'leakyRelu(.2)'] },
      "Argument 'config.activations' passed to 'runComparison' must be names without duplicates, but got string 'leakyRelu(.2)'",
    ],
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
      { seeds: 1001 },
      "Argument 'config.seeds' passed to 'runComparison' must be at most 1000 (maxSeeds), but got number 1001",
    ],
    [
      { seeds: 10, epochs: 1_000_000 },
      "Argument 'config.seeds' passed to 'runComparison' must be a count that keeps activations × seeds × epochs at most 50,000,000 (maxRecordedLosses; here 11 activations × 1000000 epochs), but got number 10",
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
      { epochs: 1e9 },
      "Argument 'config.epochs' passed to 'runComparison' must be at most 1,000,000 (maxEpochs: the loss history must fit in memory), but got number 1000000000",
    ],
    [
      { epoch: 5 },
      "Argument 'config' passed to 'runComparison' has an unknown key 'epoch'. Did you mean 'epochs'? Known keys: activations, layers, epochs,",
    ],
    [
      { dataset: { xs: [[1]], ys: [1], outputActivaton: 'identity' } },
      "Argument 'config.dataset' passed to 'runComparison' has an unknown key 'outputActivaton'. Did you mean 'outputActivation'? Known keys: xs, ys, name, outputActivation, task, description,",
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
