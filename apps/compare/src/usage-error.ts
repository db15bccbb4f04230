import { MicrogradError } from '@mg/engine';

/**
 * Bad input on the command line (a flag, a value, an output directory): the command prints its
 * message as one line, a hint to `--help`, and exits with code 2.
 */
export class UsageError extends MicrogradError {
  override name = 'UsageError';
}

/**
 * True for errors that mean "the user asked for something we cannot do" rather than "we have a bug":
 * our own {@link UsageError} and every other `MicrogradError` the libraries throw for a bad
 * argument (e.g. `UnknownActivationError`, `InvalidArgumentError`).
 */
export function isInputError(error: unknown): error is Error {
  return error instanceof MicrogradError;
}

/** The flag that sets each `runComparison` config key. */
const flagOfConfigKey: Record<string, string> = {
  activations: '--activations',
  layers: '--layers',
  epochs: '--epochs',
  learningRate: '--lr',
  seed: '--seed',
  seeds: '--seeds',
  dataset: '--dataset',
  threads: '--threads',
  threshold: '--threshold',
};

/**
 * The one line to print for an input error: its message, collapsed to one line, prefixed with the
 * flag when a library error names the config key it rejected (`config.layers` -> `--layers`), e.g.
 * `option --layers: Argument 'config.layers' passed to 'runComparison' must be …`.
 */
export function inputErrorMessage(error: Error): string {
  const message = error.message.replace(/\s*\n\s*/g, ' ').trim();
  const argument = (error as { argument?: unknown }).argument;
  const key = typeof argument === 'string' ? /^config\.(\w+)/.exec(argument)?.[1] : undefined;
  const flag = key === undefined ? undefined : flagOfConfigKey[key];
  return flag === undefined ? message : `option ${flag}: ${message}`;
}
