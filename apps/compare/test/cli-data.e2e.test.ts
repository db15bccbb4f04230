import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, listFiles, runCli, timeouts } from './helpers';

let root: string;
beforeAll(() => {
  assertBuilt();
  root = mkdtempSync(join(tmpdir(), 'mg-compare-data-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const manyRows = (count: number) =>
  ['x,y', ...Array.from({ length: count }, (_, i) => `${i},${i % 2}`)].join('\n');

// Each case: the file's text, extra flags, and the one line after 'mg-compare: '.
const cases: [string, string, string[], string][] = [
  [
    'an empty file',
    '',
    [],
    'data.csv: line 1: the file is empty; it needs a header row and data rows',
  ],
  [
    'no header row',
    '1,2,3\n4,5,6\n7,8,9\n1,1,1\n',
    [],
    'data.csv: line 1: no header row: the first line holds numbers (1, 2, 3); it must name the columns',
  ],
  [
    'a ragged row',
    'x1,x2,y\n1,2,3\n4,5\n7,8,9\n1,1,1\n',
    [],
    "data.csv: line 3, column 3 ('y'): the row has 2 fields but the header has 3: this one is missing",
  ],
  [
    'a non-numeric cell',
    'x1,x2,y\n1,2,3\n4,abc,6\n7,8,9\n1,1,1\n',
    [],
    "data.csv: line 3, column 2 ('x2'): 'abc' is not a number",
  ],
  [
    'a missing target column',
    'x1,x2,price\n1,2,3\n4,5,6\n7,8,9\n1,1,1\n',
    ['--target', 'prices'],
    "data.csv: line 1: no target column 'prices'. Did you mean 'price'? Columns: x1, x2, price",
  ],
  [
    'a constant column',
    'x1,x2,y\n1,2,0\n1,3,1\n1,4,0\n1,5,1\n',
    [],
    "data.csv: line 1, column 1 ('x1'): every row holds 1: a constant column carries nothing to learn from (and cannot be standardised); remove it",
  ],
  [
    'fewer than 4 rows',
    'x,y\n1,2\n3,4\n5,6\n',
    [],
    'data.csv: line 4: only 3 data rows; at least 4 are needed to train and hold some out',
  ],
  [
    'a file too large to train on in reasonable time',
    manyRows(5001),
    [],
    'data.csv: line 5002: more than 5,000 data rows: too many to train on in reasonable time (the limit is 5,000)',
  ],
];

describe('--data with a bad file: exit code 2, one line naming file, line and column, nothing written', () => {
  it.each(cases)(
    '%s',
    (_name, text, flags, message) => {
      const cwd = mkdtempSync(join(root, 'case-'));
      writeFileSync(join(cwd, 'data.csv'), text);
      const run = runCli(['--data', 'data.csv', ...flags], cwd, timeouts.answer);
      expect(run.status, run.stderr).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(`mg-compare: ${message}\nTry 'mg-compare --help'.\n`);
      expect(listFiles(cwd)).toEqual(['data.csv']);
    },
    timeouts.answer,
  );

  it(
    'a file that does not exist',
    () => {
      const cwd = mkdtempSync(join(root, 'case-'));
      const run = runCli(['--data', 'nothing.csv'], cwd, timeouts.answer);
      expect(run.status).toBe(2);
      expect(run.stderr).toBe(
        "mg-compare: nothing.csv: line 1: cannot read the file: no such file (ENOENT)\nTry 'mg-compare --help'.\n",
      );
      expect(listFiles(cwd)).toEqual([]);
    },
    timeouts.answer,
  );
});

describe('--data end to end', () => {
  it(
    'trains on the two-class example: validation columns, accuracy, ranked by validation loss',
    () => {
      const cwd = mkdtempSync(join(root, 'case-'));
      const data = fileURLToPath(new URL('../examples/two-moons.csv', import.meta.url));
      const run = runCli(
        [
          '--data',
          data,
          '--activations',
          'tanh,leakyRelu(.2),tanh/relu',
          '--epochs',
          '40',
          '--lr',
          '0.5',
        ],
        cwd,
      );
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toContain('200 rows: 160 to train on, 40 held out for validation');
      expect(run.stdout).toContain(
        'standardised with the mean and standard deviation of the training rows only',
      );
      expect(run.stdout).toContain("Target 'label': two classes, 0 (class 0) and 1 (class 1)");
      expect(run.stdout).toContain('Ranked by final validation loss');
      const header = run.stdout.split('\n').find((line) => line.startsWith('activation'))!;
      expect(header).toMatch(/val final +val best @ epoch +train acc +val acc/);
      // Canonical names in the table and the CSV.
      expect(run.stdout).toMatch(/^leakyRelu\(0\.2\) /m);
      expect(run.stdout).toMatch(/^tanh\/relu /m);
      expect(listFiles(join(cwd, 'out'))).toContain('activation-losses.csv');
    },
    timeouts.run,
  );

  it(
    'trains on the regression example: mean squared error, validation columns, no accuracy',
    () => {
      const cwd = mkdtempSync(join(root, 'case-'));
      const data = fileURLToPath(new URL('../examples/noisy-sine.csv', import.meta.url));
      const run = runCli(
        [
          '--data',
          data,
          '--activations',
          'tanh,relu',
          '--epochs',
          '30',
          '--optimizer',
          'adam',
          '--lr',
          '0.01',
        ],
        cwd,
      );
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toContain('150 rows: 120 to train on, 30 held out for validation (random');
      expect(run.stdout).toContain("Target 'y': regression.");
      expect(run.stdout).toContain(
        'Loss: mean squared error; output layer: identity; optimizer: adam.',
      );
      const header = run.stdout.split('\n').find((line) => line.startsWith('activation'))!;
      expect(header).toMatch(/val final +val best @ epoch/);
      expect(header).not.toContain('acc');
    },
    timeouts.run,
  );
});
