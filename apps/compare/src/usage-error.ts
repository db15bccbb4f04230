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
  validation: '--validation',
  task: '--task',
  loss: '--loss',
  optimizer: '--optimizer',
  outputActivation: '--output-activation',
};

/**
 * Config keys under the names a library gives them further down: `runComparison` passes
 * `config.layers` to `new MLP`, which checks them as `layerSizes`.
 */
const configKeyOfArgument: Record<string, string> = { layerSizes: 'layers' };

/**
 * The flag behind a library error's argument, if any: `config.layers`, `config.layers[2]` and
 * `layerSizes` (of `new MLP`) -> `--layers`; `config.learningRate` -> `--lr`. Other arguments
 * (`dataset.xs`, `x`) are not the user's to fix and get no flag.
 */
export function flagOfArgument(argument: string): string | undefined {
  const [, configKey, name] = /^(?:config\.(\w+)|(\w+))(?:\[\d+\])?$/.exec(argument) ?? [];
  const key = configKey ?? (name === undefined ? undefined : configKeyOfArgument[name]);
  return key === undefined ? undefined : flagOfConfigKey[key];
}

/**
 * The one line to print for an input error, collapsed to one line. A library error about an
 * argument a flag sets speaks the user's words: `option --layers must be <what the library
 * expects>, but got '<the value as typed>'` (from `given`, the flags' values as typed). Other
 * library errors naming a flag's argument get the flag as a prefix; the rest print as they are.
 */
export function inputErrorMessage(
  error: Error,
  given: Readonly<Record<string, string>> = {},
): string {
  const message = error.message.replace(/\s*\n\s*/g, ' ').trim();
  const { argument, expected, received } = error as {
    argument?: unknown;
    expected?: unknown;
    received?: unknown;
  };
  const flag = typeof argument === 'string' ? flagOfArgument(argument) : undefined;
  if (flag === undefined) return message;
  if (typeof expected !== 'string') return `option ${flag}: ${message}`;
  const typed = given[flag] ?? (Array.isArray(received) ? received.join(',') : String(received));
  return `option ${flag} must be ${expected}, but got '${typed}'`.replace(/\s*\n\s*/g, ' ');
}
