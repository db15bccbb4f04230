import { InvalidArgumentError } from '@mg/engine';
import { describe, expect, it } from 'vitest';
import { handMadeResult } from './hand-made-result';
import { toCsv } from './to-csv';
import { toJson } from './to-json';
import { toVegaLiteSpec } from './to-vega-lite-spec';

const outputs = [
  ['toCsv', (result: never) => toCsv(result)],
  ['toJson', (result: never) => toJson(result)],
  ['toVegaLiteSpec', (result: never) => toVegaLiteSpec(result)],
] as const;

describe.each(outputs)('%s of something that is not a ComparisonResult', (method, output) => {
  const good = handMadeResult({ relu: [[4, 2, 1, 0.5]] });
  it.each([
    ['{}', {}, 'result.config'],
    ['null', null, 'result'],
    ['an array', [], 'result'],
    ['no results', { config: good.config }, 'result.results'],
    ['a config without epochs', { ...good, config: { seeds: 1 } }, 'result.config.epochs'],
    [
      'a summary without runs',
      { ...good, results: [{ ...good.results[0], runs: undefined }] },
      'result.results[0].runs',
    ],
    [
      'a run without losses',
      { ...good, results: [{ ...good.results[0], runs: [{ seed: 0 }] }] },
      'result.results[0].runs[0]',
    ],
  ])('throws an InvalidArgumentError for %s, naming %s', (_, result, argument) => {
    let error: unknown;
    try {
      output(result as never);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error).toMatchObject({ argument, method });
  });

  it('accepts a real result', () => {
    expect(() => output(good as never)).not.toThrow();
  });
});
