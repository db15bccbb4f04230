import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, listFiles, runCli, timeouts } from './helpers';

let root: string;
beforeAll(() => {
  assertBuilt();
  root = mkdtempSync(join(tmpdir(), 'mg-compare-errors-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

// Each case: arguments, and a pattern for the one-line message after 'mg-compare: '.
const cases: [string, string[], RegExp][] = [
  ['an unknown flag', ['--epoch', '5'], /^unknown option '--epoch'\. Did you mean '--epochs'\?$/],
  ['a positional argument', ['relu'], /^unexpected argument 'relu'/],
  ['a malformed list', ['--layers', '10,,x'], /^option --layers must be a comma-separated list/],
  [
    'a list with a non-number',
    ['--layers', '10,x,1'],
    /^option --layers must be positive whole numbers written in decimal, but got 'x'$/,
  ],
  [
    'zero epochs',
    ['--epochs', '0'],
    /^option --epochs must be a positive whole number, but got '0'$/,
  ],
  [
    'negative epochs',
    ['--epochs', '-3'],
    /^option --epochs must be a positive whole number, but got '-3'$/,
  ],
  ['a zero learning rate', ['--lr', '0'], /^option --lr must be a positive number, but got '0'$/],
  [
    'a learning rate that is not a number',
    ['--lr', 'abc'],
    /^option --lr must be a positive number written in decimal, but got 'abc'$/,
  ],
  ['an unknown scale', ['--scale', 'cubic'], /^option --scale must be one of linear, log/],
  [
    'an unknown activation',
    ['--activations', 'relu,rleu'],
    /^option --activations: Unknown activation 'rleu'\. Did you mean 'relu'\? Known: identity, /,
  ],
  [
    'an unknown dataset',
    ['--dataset', 'moon'],
    /^option --dataset must be one of original, .*Did you mean 'moons'\?$/,
  ],
  [
    'a last layer that does not fit the data (rejected by the library)',
    ['--layers', '10,5,2', '--epochs', '3'],
    /^option --layers must be a last layer of 1 neuron\(s\), one per target of the dataset, but got '10,5,2'$/,
  ],
  [
    'a network too large to hold (rejected by @mg/nn, reported in the flag’s words)',
    ['--layers', '100000,100000,1'],
    /^option --layers must be sizes that make at most [\d,]+ parameters in all \(these make [\d,]+\), but got '100000,100000,1'$/,
  ],
  [
    'more epochs than a loss history can hold (refused by the library, before training)',
    ['--epochs', '1000000000'],
    /^option --epochs must be at most 1,000,000 \(maxEpochs: .*\), but got '1000000000'$/,
  ],
  [
    'more seeds than one comparison takes (refused by the library, before training)',
    ['--seeds', '100000000'],
    /^option --seeds must be at most 1000 \(maxSeeds\), but got '100000000'$/,
  ],
  [
    'seeds × epochs whose loss histories cannot be held',
    ['--seeds', '20', '--epochs', '1000000'],
    /^option --seeds must be a count that keeps activations × seeds × epochs at most 50,000,000 .*, but got '20'$/,
  ],
  [
    'a learning rate in hex',
    ['--lr', '0x10'],
    /^option --lr must be a positive number written in decimal, but got '0x10'$/,
  ],
  [
    'an output directory under a regular file',
    ['--out', 'blocker/out', '--epochs', '3'],
    /^cannot write to output directory 'blocker\/out': a part of the path is a file, not a directory \(ENOTDIR\)$/,
  ],
  [
    'an output directory that is a regular file',
    ['--out', 'blocker', '--epochs', '3'],
    /^cannot write to output directory 'blocker': a file with that name exists \(EEXIST\)$/,
  ],
];

describe('bad input: exit code 2, one line and a hint on stderr, no stack trace, no files', () => {
  it.each(cases)(
    '%s',
    (_name, args, message) => {
      const cwd = mkdtempSync(join(root, 'case-'));
      writeFileSync(join(cwd, 'blocker'), 'a regular file');
      const run = runCli(args, cwd, timeouts.answer);
      expect(run.status, run.stderr).toBe(2);
      expect(run.stdout).toBe('');
      const lines = run.stderr.split('\n');
      expect(lines, run.stderr).toHaveLength(3);
      expect(lines[0]!.replace(/^mg-compare: /, '')).toMatch(message);
      expect(lines[0]).toMatch(/^mg-compare: /);
      expect(lines[1]).toBe("Try 'mg-compare --help'.");
      expect(lines[2]).toBe('');
      expect(run.stderr).not.toMatch(/^\s+at /m);
      // Nothing written: no file, no temporary, not even an empty out/.
      expect(listFiles(cwd)).toEqual(['blocker']);
    },
    timeouts.answer,
  );

  it.each([
    ['a bad flag', ['--lr', '-1']],
    ['a config the library rejects', ['--layers', '4,2', '--epochs', '3']],
  ])(
    'leaves an existing output directory untouched on %s',
    (_name, args) => {
      const cwd = mkdtempSync(join(root, 'case-'));
      mkdirSync(join(cwd, 'out'));
      writeFileSync(join(cwd, 'out', 'activation-losses.csv'), 'previous');
      const run = runCli(args, cwd, timeouts.answer);
      expect(run.status).toBe(2);
      expect(listFiles(cwd)).toEqual(['out', 'out/activation-losses.csv']);
    },
    timeouts.answer,
  );

  // Regression: a directory in the way of one output left four new files beside one old one.
  it(
    'replaces none of the previous outputs when one cannot be replaced',
    () => {
      const cwd = mkdtempSync(join(root, 'case-'));
      const out = join(cwd, 'out');
      mkdirSync(join(out, 'activation-losses.json'), { recursive: true });
      for (const name of ['png', 'svg', 'vl.json', 'csv']) {
        writeFileSync(join(out, `activation-losses.${name}`), 'previous');
      }
      const run = runCli(['--epochs', '3', '--activations', 'relu'], cwd);
      expect(run.status, run.stderr).toBe(2);
      expect(run.stderr).toMatch(
        /^mg-compare: cannot write to output directory 'out': 'activation-losses\.json' in it is a directory/m,
      );
      expect(listFiles(out)).toEqual([
        'activation-losses.csv',
        'activation-losses.json',
        'activation-losses.png',
        'activation-losses.svg',
        'activation-losses.vl.json',
      ]);
      for (const name of ['png', 'svg', 'vl.json', 'csv']) {
        expect(readFileSync(join(out, `activation-losses.${name}`), 'utf8')).toBe('previous');
      }
    },
    timeouts.run,
  );
});
