import { defaultRegistry } from '@mg/activations';
import { makeDataset, runComparison } from '@mg/compare';
import { describe, expect, it } from 'vitest';
import { inputErrorMessage, isInputError, UsageError } from './usage-error';

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
  it('prefixes the flag when a library error names a config key', async () => {
    const error = await caught(() => runComparison({ layers: [10, 5, 2], threads: 1 }));
    expect(isInputError(error)).toBe(true);
    expect(inputErrorMessage(error)).toBe(`option --layers: ${error.message}`);
    expect(error.message).toContain("'config.layers'");
  });

  it('keeps other messages, collapsed to one line', async () => {
    expect(inputErrorMessage(new UsageError('first\n   second'))).toBe('first second');
    const other = await caught(() => makeDataset('original', 1.5));
    expect(inputErrorMessage(other)).toBe(other.message);
  });
});
