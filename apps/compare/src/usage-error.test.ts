import { defaultRegistry } from '@mg/activations';
import { makeDataset, runComparison } from '@mg/compare';
import { InvalidArgumentError } from '@mg/engine';
import { describe, expect, it } from 'vitest';
import { flagOfArgument, inputErrorMessage, isInputError, UsageError } from './usage-error';

/** The error `action` throws (the app has no direct @mg/engine dependency to construct them). */
async function caught(action: () => unknown): Promise<Error> {
  try {
    await action();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}

describe('isInputError', () => {
  it('accepts UsageError and the libraries’ MicrogradError subclasses', async () => {
    expect(isInputError(new UsageError('x'))).toBe(true);
    expect(isInputError(await caught(() => defaultRegistry().get('rleu')))).toBe(true);
    expect(isInputError(await caught(() => makeDataset('original', 1.5)))).toBe(true);
    expect(isInputError(await caught(() => makeDataset('nope', 0)))).toBe(true);
  });

  it('rejects other errors and non-errors', () => {
    expect(isInputError(new TypeError('x'))).toBe(false);
    expect(isInputError(new Error('x'))).toBe(false);
    expect(isInputError('MicrogradError')).toBe(false);
    expect(isInputError(null)).toBe(false);
  });
});

describe('inputErrorMessage', () => {
  it("says what the library expects of a flag's value, quoting the value as typed", async () => {
    const error = await caught(() => runComparison({ layers: [10, 5, 2], threads: 1 }));
    expect(error.message).toContain("'config.layers'");
    expect(inputErrorMessage(error, { '--layers': '10,5,2' })).toBe(
      "option --layers must be a last layer of 1 neuron(s), one per target of the dataset, but got '10,5,2'",
    );
  });

  // Regression: `--layers 100000,100000,1` was reported as `layerSizes` of `new MLP`.
  it('names the flag for an argument checked deeper down under another name', async () => {
    const error = await caught(() => runComparison({ layers: [100_000, 100_000, 1], threads: 1 }));
    expect(error.message).toContain("'layerSizes' passed to 'new MLP'");
    const message = inputErrorMessage(error, { '--layers': '100000,100000,1' });
    expect(message).toMatch(/^option --layers must be sizes that make at most [\d,]+ parameters/);
    expect(message).toMatch(/, but got '100000,100000,1'$/);
    expect(message).not.toMatch(/layerSizes|MLP/);
  });

  it('names --epochs and the limit for an epoch count the library refuses', () => {
    // The shape of @mg/compare's refusal of `config.epochs` (its limit comes from @mg/nn).
    const error = new InvalidArgumentError({
      argument: 'config.epochs',
      method: 'runComparison',
      expected: 'a whole number from 1 to 10,000,000',
      received: 1e9,
    });
    expect(inputErrorMessage(error, { '--epochs': '1000000000' })).toBe(
      "option --epochs must be a whole number from 1 to 10,000,000, but got '1000000000'",
    );
  });

  it('describes the value the library received when the flag was not typed', async () => {
    const error = await caught(() => runComparison({ layers: [10, 5, 2], threads: 1 }));
    // The library received the last layer's size, 2.
    expect(inputErrorMessage(error)).toMatch(/^option --layers must be .*, but got '2'$/);
  });

  it('maps every config key the command sets to its flag', () => {
    expect(flagOfArgument('config.learningRate')).toBe('--lr');
    expect(flagOfArgument('config.epochs')).toBe('--epochs');
    expect(flagOfArgument('config.activations[1]')).toBe('--activations');
    expect(flagOfArgument('layerSizes[0]')).toBe('--layers');
    expect(flagOfArgument('config.dataset.xs')).toBeUndefined();
    expect(flagOfArgument('dataset')).toBeUndefined();
    expect(flagOfArgument('epochs')).toBeUndefined();
  });

  it('keeps other messages, collapsed to one line', async () => {
    expect(inputErrorMessage(new UsageError('first\n   second'))).toBe('first second');
    const other = await caught(() => makeDataset('original', 1.5));
    expect(inputErrorMessage(other)).toBe(other.message);
  });
});
