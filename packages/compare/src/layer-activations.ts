import type { ActivationRegistry } from '@mg/activations';

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
 * `/` list whose length is not `hiddenLayers`.
 */
export function parseLayerActivations(
  entry: string,
  registry: ActivationRegistry,
  hiddenLayers: number,
): LayerActivations | undefined {
  const names = entry.split('/').map((part) => registry.get(part.trim()).name);
  if (names.length === 1) {
    return { label: names[0]!, layers: Array.from({ length: hiddenLayers }, () => names[0]!) };
  }
  if (names.length !== hiddenLayers) return undefined;
  return { label: names.join('/'), layers: names };
}
