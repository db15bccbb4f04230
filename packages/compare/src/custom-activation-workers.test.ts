import { defaultRegistry, defineActivation, UnknownActivationError } from '@mg/activations';
import { InvalidArgumentError } from '@mg/engine';
import { describe, expect, it } from 'vitest';
import { executeRuns } from './execute-runs';
import { resolveConfig } from './resolve-config';
import { runComparison } from './run-comparison';
import type { RunTask } from './run-task';
import { fromWorkerError, toWorkerError } from './worker-errors';

// Its own file: registering in the process-wide defaultRegistry() would change the default
// activation list of every other test in the same module.
const workerTimeout = 120_000;

describe('an activation registered in defaultRegistry() with worker threads', () => {
  it('trains (in the calling thread) instead of failing in the worker', {
    timeout: workerTimeout,
  }, async () => {
    defaultRegistry().register(
      defineActivation({
        name: 'halfRelu',
        description: 'ReLU halved: max(0, x) / 2',
        reference: 'https://en.wikipedia.org/wiki/Rectifier_(neural_networks)',
        forward: (x) => Math.max(0, x) / 2,
        derivative: (x) => (x > 0 ? 0.5 : 0),
      }),
    );
    const config = { activations: ['relu', 'halfRelu'], epochs: 5 };
    const threaded = await runComparison({ ...config, threads: 2 });
    const inline = await runComparison({ ...config, threads: 1 });
    expect(threaded.results.map((r) => r.mean)).toEqual(inline.results.map((r) => r.mean));
  });
});

describe('errors that cross the worker boundary', () => {
  it('keep their class and fields', { timeout: workerTimeout }, async () => {
    // Tasks naming an activation the workers do not know make the worker throw.
    const resolved = resolveConfig({ activations: ['relu'], epochs: 2 });
    const task = {
      activation: 'nosuch',
      layerActivations: ['nosuch', 'nosuch'],
      outputActivation: null,
      seed: 0,
      inputs: resolved.inputs,
      layers: resolved.config.layers,
      initialParameters: [],
      dataset: resolved.dataset,
      validation: resolved.validation,
      epochs: 2,
      learningRate: 0.01,
      loss: 'sse',
      optimizer: 'sgd',
      cuts: null,
    } as unknown as RunTask;
    let error: unknown;
    try {
      await executeRuns([task, task], 2, defaultRegistry(), () => {});
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UnknownActivationError);
    expect(error).toMatchObject({
      name: 'UnknownActivationError',
      requested: 'nosuch',
      argument: expect.stringMatching(/^options\.activation/),
    });
    expect((error as UnknownActivationError).known).toContain('relu');
    expect((error as Error).message).toContain("Unknown activation 'nosuch'");
  });

  it('round-trip through structured cloning, leaving out fields that cannot be cloned', () => {
    const original = new InvalidArgumentError({
      argument: 'x',
      method: 'f',
      expected: 'a number',
      received: () => 1,
    });
    const rebuilt = fromWorkerError(structuredClone(toWorkerError(original)));
    expect(rebuilt).toBeInstanceOf(InvalidArgumentError);
    expect(rebuilt).toMatchObject({ name: 'InvalidArgumentError', argument: 'x', method: 'f' });
    expect(rebuilt.message).toBe(original.message);
    expect(rebuilt.stack).toBe(original.stack);
    expect('received' in rebuilt).toBe(false);
    const plain = fromWorkerError(structuredClone(toWorkerError(new RangeError('r'))));
    expect(plain).toBeInstanceOf(Error);
    expect([plain.name, plain.message]).toEqual(['RangeError', 'r']);
  });
});
