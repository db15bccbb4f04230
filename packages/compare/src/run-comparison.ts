import {
  type ActivationRegistry,
  builtinFamilies,
  builtins,
  createRegistry,
  defaultRegistry,
} from './dependencies';
import { executeRuns } from './execute-runs';
import { resolveConfig } from './resolve-config';
import { initialParameters, type RunTask } from './run-task';
import { summarize } from './summarize';
import type { ComparisonConfig, ComparisonResult } from './types';
import { warnNoWorker, workerUrl } from './worker-url';

/**
 * Trains one network per activation (and per seed when `seeds` > 1) from the same initial
 * parameters and summarises each loss curve. With no config it reproduces the original experiment:
 * 3 inputs, layers [10, 5, 1] with the activation on every layer, SGD at 0.001 for 1000 epochs on
 * the sum of squared errors over the original four samples, all eleven activations.
 */
export async function runComparison(config?: ComparisonConfig): Promise<ComparisonResult> {
  const start = performance.now();
  // Loaded here, not at import: each Node built-in an ES module imports costs every import of
  // @mg/compare (its ES module facade is built).
  const { availableParallelism } = await import('node:os');
  const resolved = resolveConfig(config, availableParallelism());
  const { activations, layers, epochs, learningRate, seed, seeds, threshold } = resolved.config;
  const { loss, optimizer } = resolved.config;
  const classes = resolved.setup.classes;
  // Logits against 0/1 targets for 'bce'; otherwise halfway between the two target values.
  const middle = classes ? (classes[0] + classes[1]) / 2 : 0;
  const cuts = classes
    ? loss === 'bce'
      ? { output: 0, target: 0.5 }
      : { output: middle, target: middle }
    : null;
  const tasks: RunTask[] = [];
  for (let offset = 0; offset < seeds; offset++) {
    const runSeed = seed + offset;
    // Fairness: one start per seed, copied into every activation's network.
    const shared = initialParameters(
      resolved.inputs,
      layers,
      runSeed,
      resolved.registry,
      resolved.layerActivations[0]![0] ?? activations[0]!,
    );
    activations.forEach((activation, a) => {
      tasks.push({
        activation,
        layerActivations: resolved.layerActivations[a]!,
        outputActivation: resolved.outputActivation,
        seed: runSeed,
        inputs: resolved.inputs,
        layers,
        initialParameters: shared,
        dataset: resolved.dataset,
        validation: resolved.validation,
        epochs,
        learningRate,
        loss,
        optimizer: optimizer ?? 'sgd',
        cuts,
      });
    });
  }
  // Workers know only the built-in activations and families (a fresh registry of their own): an
  // activation of a custom registry, or one registered in this thread's defaultRegistry(), must
  // run here.
  const callerDefaults = defaultRegistry();
  const names = [
    ...resolved.layerActivations.flat(),
    ...activations.filter((a) => !a.includes('/')),
  ];
  if (resolved.outputActivation !== null) names.push(resolved.outputActivation);
  const portable = names.every(
    (name) =>
      workerRegistry().has(name) && callerDefaults.get(name) === resolved.registry.get(name),
  );
  let threads = portable ? resolved.config.threads : 1;
  // Bundled into a consumer's file without worker.js: train here, and report 1 thread used.
  if (threads > 1 && tasks.length > 1 && (await workerUrl()) === null) {
    warnNoWorker(threads);
    threads = 1;
  }
  if (portable && resolved.threadPlan.reason === 'clamped') {
    process.emitWarning(
      `config.threads (${config?.threads}) is more than this machine's ${threads} cores ` +
        `(os.availableParallelism()); runComparison uses ${threads} worker threads.`,
      { code: 'MG_COMPARE_THREADS_CLAMPED' },
    );
  }
  let completed = 0;
  const outcomes = await executeRuns(tasks, threads, resolved.registry, (outcome) => {
    completed++;
    resolved.onProgress?.({
      completed,
      total: tasks.length,
      activation: outcome.activation,
      seed: outcome.seed,
    });
  });
  const results = activations.map((activation) => {
    const own = outcomes.filter((outcome) => outcome.activation === activation);
    const runs = own.map(({ activation: _, timeMs: __, ...run }) => run);
    const timeMs = own.reduce((total, outcome) => total + outcome.timeMs, 0);
    return summarize(activation, runs, threshold, timeMs);
  });
  return {
    // The threads actually used: a custom registry's own activations run in this thread.
    config: { ...resolved.config, threads },
    setup: resolved.setup,
    results,
    totalTimeMs: performance.now() - start,
  };
}

let pristine: ActivationRegistry | undefined;

/** What a worker's `defaultRegistry()` holds: the built-ins and built-in families, nothing else. */
function workerRegistry(): ActivationRegistry {
  pristine ??= createRegistry([...builtins, ...builtinFamilies]);
  return pristine;
}
