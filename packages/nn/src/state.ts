import { invalidState } from './errors';

/** The `format` tag of a saved network. */
export const stateFormat = 'mg-mlp';
/** The version of the saved-network format this package writes and reads. */
export const stateVersion = 1;

/**
 * A network saved by `MLP.toJSON()`: plain JSON data. `parameters` are in parameter order (layer
 * by layer, neuron by neuron, weights in input order, then the bias).
 */
export interface MLPState {
  /** Always `'mg-mlp'`. */
  format: typeof stateFormat;
  /** The format version, 1. */
  version: typeof stateVersion;
  /** Number of inputs. */
  inputs: number;
  /** Neurons per layer, the output layer last. */
  layerSizes: number[];
  /** Registry name of the hidden layers' activation, or one name per hidden layer when they differ. */
  activation: string | string[];
  /** Registry name of the output layer's activation. */
  outputActivation: string;
  /** Every parameter, in parameter order. */
  parameters: number[];
}

/** Checks every field of an untrusted state; throws a `NetworkError` naming the first bad field. */
export function parseState(state: unknown): MLPState {
  if (typeof state !== 'object' || state === null || Array.isArray(state)) {
    throw invalidState('state', `an object { format: '${stateFormat}', version, ... }`, state);
  }
  const s = state as Record<string, unknown>;
  if (s.format !== stateFormat) throw invalidState('format', `'${stateFormat}'`, s.format);
  if (s.version !== stateVersion) {
    throw invalidState(
      'version',
      `${stateVersion} (the only version this package reads)`,
      s.version,
    );
  }
  if (!isPositiveInteger(s.inputs)) throw invalidState('inputs', 'a positive integer', s.inputs);
  const sizes = s.layerSizes;
  if (!Array.isArray(sizes) || sizes.length === 0 || !sizes.every(isPositiveInteger)) {
    throw invalidState('layerSizes', 'a non-empty array of positive integers', sizes);
  }
  if (typeof s.outputActivation !== 'string') {
    throw invalidState('outputActivation', 'an activation name', s.outputActivation);
  }
  const hidden = sizes.length - 1;
  const activation = s.activation;
  const perLayer =
    Array.isArray(activation) &&
    hidden > 0 &&
    activation.length === hidden &&
    activation.every((name) => typeof name === 'string');
  if (typeof activation !== 'string' && !perLayer) {
    throw invalidState(
      'activation',
      hidden > 0
        ? `an activation name, or an array of ${hidden} (one per hidden layer)`
        : 'an activation name',
      activation,
    );
  }
  const expected = countParameters(s.inputs, sizes);
  const parameters = s.parameters;
  if (!Array.isArray(parameters) || parameters.length !== expected) {
    throw invalidState('parameters', `an array of ${expected} finite numbers`, parameters);
  }
  const bad = parameters.findIndex((p) => typeof p !== 'number' || !Number.isFinite(p));
  if (bad >= 0) throw invalidState(`parameters[${bad}]`, 'a finite number', parameters[bad]);
  return state as MLPState;
}

/** Σ over layers of size · (fan-in + 1). */
export function countParameters(inputs: number, layerSizes: readonly number[]): number {
  let count = 0;
  let fanIn = inputs;
  for (const size of layerSizes) {
    count += size * (fanIn + 1);
    fanIn = size;
  }
  return count;
}

function isPositiveInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 1;
}
