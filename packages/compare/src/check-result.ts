import { InvalidArgumentError } from './dependencies';
import type { ComparisonResult } from './types';

const expectedResult = 'a ComparisonResult from runComparison';

/**
 * Throws an `InvalidArgumentError` naming the first missing or malformed part unless `result` has
 * the shape the output functions read (`config.epochs`, `config.seeds`, and per activation its
 * name, curves and runs), so that `toCsv({})` says what is wrong instead of failing with a
 * TypeError deep inside. The numbers themselves are not checked.
 */
export function checkResult(result: unknown, method: string): asserts result is ComparisonResult {
  const fail = (argument: string, expected: string, received: unknown): never => {
    throw new InvalidArgumentError({ argument, method, expected, received });
  };
  if (!isObject(result)) fail('result', expectedResult, result);
  const { config, results } = result as Record<string, unknown>;
  if (!isObject(config)) fail('result.config', 'an object { epochs, seeds, … }', config);
  for (const key of ['epochs', 'seeds'] as const) {
    const value = (config as Record<string, unknown>)[key];
    if (!Number.isSafeInteger(value) || (value as number) < 1) {
      fail(`result.config.${key}`, 'a positive integer', value);
    }
  }
  if (!Array.isArray(results)) fail('result.results', 'an array of ActivationSummary', results);
  (results as unknown[]).forEach((summary, i) => {
    const at = `result.results[${i}]`;
    if (!isObject(summary)) fail(at, 'an ActivationSummary', summary);
    const s = summary as Record<string, unknown>;
    if (typeof s.activation !== 'string') fail(`${at}.activation`, 'a string', s.activation);
    for (const key of ['mean', 'min', 'max', 'runs'] as const) {
      if (!Array.isArray(s[key])) fail(`${at}.${key}`, 'an array', s[key]);
    }
    (s.runs as unknown[]).forEach((run, j) => {
      if (!isObject(run) || !Array.isArray((run as Record<string, unknown>).losses)) {
        fail(`${at}.runs[${j}]`, 'a run { seed, losses, … }', run);
      }
    });
  });
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
