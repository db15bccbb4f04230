import {
  type ActivationRegistry,
  defaultRegistry,
  InvalidArgumentError,
  MLP,
} from './dependencies';
import { parseLayerActivations } from './layer-activations';
import type { ComparisonResult } from './types';

/**
 * The network `runComparison` trained for `activation` (with the seed `seed`, default the first),
 * rebuilt from the result's `parameters`: same shape, same activations, trained weights.
 * `null` when that run diverged (its parameters are not finite). `registry` must know the
 * activation names (default `defaultRegistry()`).
 */
export function trainedNetwork(
  result: ComparisonResult,
  activation: string,
  options: { seed?: number; registry?: ActivationRegistry } = {},
): MLP | null {
  const method = 'trainedNetwork';
  const summary = result.results.find((candidate) => candidate.activation === activation);
  if (!summary) {
    throw new InvalidArgumentError({
      argument: 'activation',
      method,
      expected: `one of the result's activations (${result.results.map((r) => r.activation).join(', ')})`,
      received: activation,
    });
  }
  const seed = options.seed ?? result.config.seed;
  const run = summary.runs.find((candidate) => candidate.seed === seed);
  if (!run) {
    throw new InvalidArgumentError({
      argument: 'options.seed',
      method,
      expected: `a seed the result ran (${summary.runs.map((r) => r.seed).join(', ')})`,
      received: seed,
    });
  }
  if (run.parameters === undefined) {
    throw new InvalidArgumentError({
      argument: 'result',
      method,
      expected: 'a result with trained parameters (from runComparison)',
      received: 'runs without parameters',
    });
  }
  if (run.parameters === null) return null;
  const registry = options.registry ?? defaultRegistry();
  // Built as runComparison built it: a label may name one activation per hidden layer (`tanh/relu`).
  const hidden = parseLayerActivations(activation, registry, result.config.layers.length - 1, {
    argument: 'activation',
    method,
  })?.layers;
  const uniform = hidden?.every((name) => name === hidden[0]) ?? false;
  const model = new MLP(result.setup.inputs, result.config.layers, {
    activation:
      hidden === undefined || hidden.length === 0 ? activation : uniform ? hidden[0]! : hidden,
    ...(result.setup.outputActivation === null
      ? {}
      : { outputActivation: result.setup.outputActivation }),
    registry,
  });
  model.setParameters(run.parameters);
  return model;
}
