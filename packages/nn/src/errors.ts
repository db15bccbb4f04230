import { describeReceived, MicrogradError } from '@mg/engine';

/**
 * A problem with a network that is not one bad argument, e.g. a saved state that is not a valid
 * `mg-mlp` state, or a model whose parameters cannot be saved. Bad arguments throw the engine's
 * `InvalidArgumentError` instead; both extend `MicrogradError`.
 */
export class NetworkError extends MicrogradError {
  override name = 'NetworkError';
}

/** Message for a malformed saved state: which field, what it must be, what arrived. */
export function invalidState(
  field: string,
  expected: string,
  received: unknown,
  cause?: unknown,
): NetworkError {
  return new NetworkError(
    `Invalid state passed to 'MLP.fromJSON': '${field}' must be ${expected}, ` +
      `but got ${describeReceived(received)}`,
    cause === undefined ? undefined : { cause },
  );
}
