import { availableParallelism } from 'node:os';
import { isMainThread } from 'node:worker_threads';
import { createRegistry, defaultRegistry, defineActivation, relu } from '@mg/activations';
import { UnknownOptionError } from '@mg/engine';
import { MLP, train } from '@mg/nn';
import { describe, expect, it, vi } from 'vitest';
import { datasetFromCsv } from './csv-dataset';
import { makeDataset } from './datasets/index';
import { runComparison } from './run-comparison';
import { toCsv } from './to-csv';
import type { ComparisonResult } from './types';

/** The result without wall times, which are the only thing allowed to differ between runs. */
function withoutTimes(result: ComparisonResult) {
  return { ...result, totalTimeMs: 0, results: result.results.map((r) => ({ ...r, timeMs: 0 })) };
}

/** Independent replay: nn's seeded start for this shape, loaded into a network of `activation`. */
function replay(
  activation: string,
  seed: number,
  epochs: number,
  dataset = makeDataset('original', 0),
) {
  const start = new MLP(dataset.xs[0]!.length, [10, 5, 1], { seed }).getParameters();
  const model = new MLP(dataset.xs[0]!.length, [10, 5, 1], {
    activation,
    outputActivation: dataset.outputActivation ?? activation,
  });
  model.setParameters(start);
  return train(model, dataset, { epochs, learningRate: 0.001 }).losses;
}

describe('runComparison', () => {
  // Work tests here take up to a second alone (starting two workers most of it); many times that
  // on a busy machine.
  const workTimeout = 120_000;

  it('runs the default experiment: eleven activations, 1000 epochs, 4 samples, [10, 5, 1]', {
    timeout: workTimeout,
  }, async () => {
    const result = await runComparison({ threads: 1 });
    expect(result.config).toMatchObject({
      layers: [10, 5, 1],
      epochs: 1000,
      learningRate: 0.001,
      seed: 0,
      seeds: 1,
      dataset: 'original',
      threads: 1,
      threshold: 0.1,
    });
    expect(result.config).toMatchObject({
      validation: 0,
      task: 'regression',
      loss: 'sse',
      optimizer: 'sgd',
      standardize: false,
      outputActivation: null,
    });
    expect(result.setup).toEqual({
      inputs: 3,
      samples: 4,
      outputActivation: null,
      task: 'regression',
      trainingRows: 4,
      validationRows: 0,
      standardized: false,
      data: { xs: makeDataset('original', 0).xs, ys: makeDataset('original', 0).ys },
    });
    expect(result.results.map((r) => r.activation)).toEqual(defaultRegistry().names());
    // No held-out rows, no classes: nothing beyond the loss curves.
    expect(result.results.some((r) => r.validation || r.accuracy)).toBe(false);
    for (const summary of result.results) {
      expect(summary.runs).toHaveLength(1);
      expect(summary.runs[0]!.seed).toBe(0);
      expect(summary.mean).toEqual(summary.runs[0]!.losses);
      expect(summary.mean.length).toBe(summary.diverged ? summary.divergedEpoch : 1000);
      expect(summary.mean.every(Number.isFinite)).toBe(true);
      expect(summary.bestLoss).toBeLessThanOrEqual(summary.mean[0]!);
      expect(summary.timeMs).toBeGreaterThanOrEqual(0);
    }
    expect(result.totalTimeMs).toBeGreaterThan(0);
  });

  it('starts every activation from the same parameters for a seed (fairness)', async () => {
    const result = await runComparison({ epochs: 15, seed: 4, threads: 1 });
    // Each curve equals training that activation from nn's seed-4 start, built independently here.
    for (const summary of result.results) {
      expect(summary.runs[0]!.losses).toEqual(replay(summary.activation, 4, 15));
    }
    // And the start depends on the seed: another seed gives other curves.
    const other = await runComparison({ epochs: 15, seed: 5, threads: 1, activations: ['tanh'] });
    expect(other.results[0]!.mean).not.toEqual(result.results[3]!.mean);
  });

  it("returns each run's trained parameters, as training the network independently leaves them", async () => {
    const result = await runComparison({ epochs: 12, seed: 3, threads: 1, activations: ['tanh'] });
    const dataset = makeDataset('original', 0);
    const model = new MLP(3, [10, 5, 1], { activation: 'tanh' });
    model.setParameters(new MLP(3, [10, 5, 1], { seed: 3 }).getParameters());
    train(model, dataset, { epochs: 12, learningRate: 0.001 });
    expect(result.results[0]!.runs[0]!.parameters).toEqual(model.getParameters());
    // Plain data: it survives JSON.
    expect(JSON.parse(JSON.stringify(result.results[0]!.runs[0]))).toEqual(
      result.results[0]!.runs[0],
    );
  });

  it('gives identical results for the same seed', async () => {
    const config = { epochs: 50, seed: 9, threads: 1, activations: ['tanh', 'relu', 'gelu'] };
    expect(withoutTimes(await runComparison(config))).toStrictEqual(
      withoutTimes(await runComparison(config)),
    );
  });

  // A pool of 2 needs 2 cores: a larger request is clamped to the cores.
  const twoCores = availableParallelism() >= 2;

  it.skipIf(!twoCores)(
    'gives identical results, bit for bit, with 1 and 2 threads (workers)',
    {
      timeout: workTimeout,
    },
    async () => {
      const config = { epochs: 40, seeds: 2, activations: ['sigmoid', 'tanh', 'selu', 'gaussian'] };
      const inline = await runComparison({ ...config, threads: 1 });
      const pooled = await runComparison({ ...config, threads: 2 });
      expect(pooled.config.threads).toBe(2);
      expect(withoutTimes(pooled)).toStrictEqual({
        ...withoutTimes(inline),
        config: { ...inline.config, threads: 2 },
      });
      // Shortest round-trip text of every loss: equal strings mean equal doubles.
      expect(toCsv(pooled)).toBe(toCsv(inline));
    },
  );

  it('clamps a request above the cores to the cores, with a process warning', {
    timeout: workTimeout,
  }, async () => {
    const emit = vi.spyOn(process, 'emitWarning').mockImplementation(() => {});
    try {
      const result = await runComparison({ epochs: 2, activations: ['relu'], threads: 300 });
      expect(result.config.threads).toBe(availableParallelism());
      expect(emit).toHaveBeenCalledTimes(1);
      expect(String(emit.mock.calls[0]![0])).toMatch(
        /config\.threads \(300\) is more than this machine's \d+ cores/,
      );
    } finally {
      emit.mockRestore();
    }
  });

  it('chooses the threads by the cost model when none are given: inline for a short run', async () => {
    const result = await runComparison({ epochs: 5, activations: ['relu', 'tanh'] });
    expect(result.config.threads).toBe(1);
  });

  it('repeats over seed, seed + 1, … and bands them: min ≤ mean ≤ max', async () => {
    const result = await runComparison({ epochs: 30, seed: 2, seeds: 3, threads: 1 });
    for (const summary of result.results) {
      expect(summary.runs.map((run) => run.seed)).toEqual([2, 3, 4]);
      summary.mean.forEach((mean, epoch) => {
        expect(summary.min[epoch]).toBeLessThanOrEqual(mean);
        expect(mean).toBeLessThanOrEqual(summary.max[epoch]!);
      });
      expect(summary.runs[0]!.losses).not.toEqual(summary.runs[1]!.losses);
      expect(summary.runs[2]!.losses).toEqual(replay(summary.activation, 4, 30));
    }
  });

  it('reports progress after each run, in the calling thread', {
    timeout: workTimeout,
  }, async () => {
    const seen: string[] = [];
    await runComparison({
      epochs: 3,
      seeds: 2,
      activations: ['relu', 'tanh'],
      threads: 2,
      onProgress: ({ completed, total, activation, seed }) => {
        expect(isMainThread).toBe(true);
        expect(total).toBe(4);
        seen.push(`${completed}:${activation}:${seed}`);
      },
    });
    expect(seen.map((entry) => entry.split(':')[0])).toEqual(['1', '2', '3', '4']);
    expect(seen.map((entry) => entry.slice(2)).sort()).toEqual([
      'relu:0',
      'relu:1',
      'tanh:0',
      'tanh:1',
    ]);
  });

  it('runs activations of a custom registry inline, even when threads are asked for', async () => {
    const halfRelu = defineActivation({
      name: 'halfRelu',
      description: 'ReLU halved: max(0, x) / 2',
      reference: 'https://en.wikipedia.org/wiki/Rectifier_(neural_networks)',
      forward: (x) => Math.max(0, x) / 2,
      derivative: (x) => (x > 0 ? 0.5 : 0),
    });
    const registry = createRegistry([relu, halfRelu]);
    const result = await runComparison({ registry, epochs: 10, threads: 2 });
    expect(result.results.map((r) => r.activation)).toEqual(['relu', 'halfRelu']);
    expect(result.results[0]!.mean).toEqual(replay('relu', 0, 10));
  });

  it('trains a two-class CSV end to end: held-out loss, accuracy, ranking by validation', {
    timeout: workTimeout,
  }, async () => {
    const moons = makeDataset('moons', 3, { samples: 60, noise: 0.1 });
    const text = ['x1,x2,label', ...moons.xs.map((x, i) => `${x.join(',')},${moons.ys[i]}`)].join(
      '\n',
    );
    const dataset = datasetFromCsv(text, { file: 'moons.csv' });
    const result = await runComparison({
      dataset,
      standardize: true,
      activations: ['tanh', 'tanh/relu'],
      layers: [6, 6, 1],
      epochs: 60,
      learningRate: 0.2,
      threads: 1,
    });
    expect(result.config).toMatchObject({ dataset: 'moons', task: 'classification', loss: 'bce' });
    expect(result.setup).toMatchObject({
      task: 'classification',
      trainingRows: 48,
      validationRows: 12,
      standardized: true,
      classes: [-1, 1],
      outputActivation: 'identity',
    });
    for (const summary of result.results) {
      const run = summary.runs[0]!;
      expect(run.validationLosses).toHaveLength(60);
      expect(run.trainAccuracy).toHaveLength(60);
      expect(run.validationAccuracy).toHaveLength(60);
      expect(summary.validation!.mean).toEqual(run.validationLosses);
      expect(summary.validation!.finalLoss).toBe(run.validationLosses!.at(-1));
      expect(summary.accuracy!.finalTrain).toBe(run.trainAccuracy!.at(-1));
      // 12 held-out rows: accuracy moves in steps of 1/12.
      for (const a of run.validationAccuracy!) expect(a * 12).toBeCloseTo(Math.round(a * 12), 9);
      // It learns: better than the start on both sides.
      expect(summary.finalLoss).toBeLessThan(summary.mean[0]!);
      expect(summary.accuracy!.finalTrain).toBeGreaterThan(0.75);
    }
    expect(result.results.map((r) => r.activation)).toEqual(['tanh', 'tanh/relu']);
  });

  it('fits a regression on held-out rows with mse by default', {
    timeout: workTimeout,
  }, async () => {
    const result = await runComparison({
      dataset: 'sine',
      validation: 0.25,
      activations: ['tanh'],
      epochs: 20,
      learningRate: 0.05,
      threads: 1,
    });
    const [summary] = result.results;
    expect(result.config.loss).toBe('mse');
    expect(summary!.validation!.mean).toHaveLength(20);
    expect(summary!.accuracy).toBeUndefined();
  });

  it('rejects a misspelt config key before training, naming the closest known one', async () => {
    await expect(runComparison({ epoch: 5 } as never)).rejects.toThrow(UnknownOptionError);
    await expect(runComparison({ epoch: 5 } as never)).rejects.toThrow(
      "Argument 'config' passed to 'runComparison' has an unknown key 'epoch'. Did you mean 'epochs'?",
    );
  });

  it("applies the dataset's output activation (identity for sine)", async () => {
    const result = await runComparison({
      dataset: 'sine',
      activations: ['tanh'],
      epochs: 10,
      threads: 1,
    });
    expect(result.setup).toMatchObject({ inputs: 1, samples: 32, outputActivation: 'identity' });
    expect(result.results[0]!.mean).toEqual(replay('tanh', 0, 10, makeDataset('sine', 0)));
  });

  it('keeps a diverged run finite: losses stop before the non-finite epoch', async () => {
    const result = await runComparison({
      activations: ['identity'],
      learningRate: 1,
      epochs: 1000,
      threads: 1,
    });
    const [summary] = result.results;
    expect(summary!.diverged).toBe(true);
    const run = summary!.runs[0]!;
    expect(run.diverged).not.toBeNull();
    expect(Number.isFinite(run.diverged!.loss)).toBe(false);
    expect(run.losses).toHaveLength(run.diverged!.epoch);
    expect(run.losses.every(Number.isFinite)).toBe(true);
    expect(summary!.divergedEpoch).toBe(run.diverged!.epoch);
    expect(summary!.finalLoss).toBe(Number.POSITIVE_INFINITY);
    // Its parameters are not finite, so none are kept.
    expect(run.parameters).toBeNull();
  });
});
