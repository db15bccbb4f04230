import { type ActivationRegistry, getActivationFor } from './dependencies';

/** One compared network's activations: the label shown everywhere, and one name per hidden layer. */
export interface LayerActivations {
  /** Canonical names joined by `/`, e.g. `tanh/leakyRelu(0.2)`; a single name when one is given. */
  label: string;
  /** One canonical name per hidden layer (a single name given is repeated). */
  layers: string[];
}

/**
 * Reads one entry of `activations`: a name for every hidden layer (`tanh`, `leakyRelu(0.2)`) or
 * one per hidden layer separated by `/` (`tanh/relu`: layer 1 tanh, layer 2 relu). Names are
 * looked up in `registry` (which throws for unknown names and bad family arguments) and replaced
 * by their canonical spelling (`leakyRelu(.20)` → `leakyRelu(0.2)`). Returns `undefined` for a
 * `/` list whose length is not `hiddenLayers`. `context` names the argument that held `entry`,
 * so that an unknown name's error says where it came from.
 */
export function parseLayerActivations(
  entry: string,
  registry: ActivationRegistry,
  hiddenLayers: number,
  context?: { argument: string; method: string },
): LayerActivations | undefined {
  const lookUp = (name: string) =>
    context === undefined
      ? registry.get(name)
      : getActivationFor(registry, name, context.argument, context.method);
  const names = entry.split('/').map((part) => lookUp(part.trim()).name);
  if (names.length === 1) {
    return { label: names[0]!, layers: Array.from({ length: hiddenLayers }, () => names[0]!) };
  }
  if (names.length !== hiddenLayers) return undefined;
  return { label: names.join('/'), layers: names };
}
