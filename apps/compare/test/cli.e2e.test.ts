import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { version } from '../package.json';
import { builtinNames } from './fixtures/fake-result';
import {
  assertBuilt,
  type CommandRun,
  exited,
  listFiles,
  readPngSize,
  runCli,
  startCli,
  timeouts,
} from './helpers';

const outputs = [
  '.mg-compare-outputs.json',
  'activation-losses-grid.png',
  'activation-losses-grid.svg',
  'activation-losses.csv',
  'activation-losses.json',
  'activation-losses.png',
  'activation-losses.svg',
  'activation-losses.vl.json',
  'report.html',
];

let dir: string;
beforeAll(() => {
  assertBuilt();
  dir = mkdtempSync(join(tmpdir(), 'mg-compare-e2e-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('mg-compare --epochs 20 (all eleven activations, default out/)', () => {
  let run: CommandRun;
  const read = (name: string) => readFileSync(join(dir, 'out', name));
  beforeAll(() => {
    run = runCli(['--epochs', '20', '--threads', '1'], dir);
  }, timeouts.run);

  it('exits 0 and writes the eight outputs and their manifest into out/, nothing else', () => {
    expect(run.stderr).not.toMatch(/^ {4}at /m);
    expect(run.status).toBe(0);
    expect(listFiles(join(dir, 'out'))).toEqual(outputs);
  });

  it('writes a 1200 px wide PNG whose height keeps the SVG aspect ratio', () => {
    const { width, height } = readPngSize(read('activation-losses.png'));
    const svg = read('activation-losses.svg').toString('utf8');
    const [, svgWidth, svgHeight] = /width="(\d+)" height="(\d+)"/.exec(svg)!.map(Number);
    expect(width).toBe(1200);
    expect(height).toBe(Math.round((1200 * svgHeight!) / svgWidth!));
  });

  it('names all eleven activations in the SVG, in the bundled font', () => {
    const svg = read('activation-losses.svg').toString('utf8');
    // Each end label is the name, then its final loss (or how the curve left the plot).
    for (const name of builtinNames) expect(svg).toMatch(new RegExp(`>${name}\\s+[^<]+<`));
    expect(svg).toContain('Training loss per epoch by activation');
    expect(svg).toContain('font-family="DejaVu Sans"');
  });

  it('writes a CSV of 1 + epochs × activations × seeds rows and a JSON that parses', () => {
    const result = JSON.parse(read('activation-losses.json').toString('utf8'));
    expect(result.config).toMatchObject({ epochs: 20, seeds: 1, threads: 1 });
    expect(result.results.map((summary: { activation: string }) => summary.activation)).toEqual(
      builtinNames,
    );
    // At learning rate 0.001 nothing diverges in 20 epochs, so every run has all 20 losses.
    expect(result.results.some((summary: { diverged: boolean }) => summary.diverged)).toBe(false);
    const lines = read('activation-losses.csv').toString('utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('epoch,activation,seed,loss');
    expect(lines).toHaveLength(1 + 20 * 11 * 1);
  });

  it('writes the Vega-Lite spec it rendered, with the app font', () => {
    const spec = JSON.parse(read('activation-losses.vl.json').toString('utf8'));
    expect(spec.$schema).toMatch(/vega-lite\/v6/);
    expect(spec.config.font).toBe('DejaVu Sans');
  });

  it('prints the summary table sorted by final loss, then the paths written', () => {
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(
      /^activation +final loss +best loss @ epoch +epochs to < 0\.1 +diverged +time$/,
    );
    const rows = lines.slice(2, 13);
    expect(rows.map((row) => row.split(/ +/)[0]).sort()).toEqual([...builtinNames].sort());
    const finals = rows.map((row) => Number(row.split(/ +/)[1]));
    expect(finals).toEqual([...finals].sort((a, b) => a - b));
    expect(lines.slice(13)).toEqual([
      '',
      'Wrote:',
      ...[5, 6, 1, 2, 7, 3, 4, 8].map((index) => `  ${join('out', outputs[index]!)}`),
      '',
      `Report: ${join('out', 'report.html')}`,
    ]);
  });

  it('reports progress on stderr as plain lines when stderr is not a terminal', () => {
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines.every((line) => /^mg-compare: \d+% \(\d+\/11\) \w+, seed 0$/.test(line))).toBe(
      true,
    );
    expect(lines.at(-1)).toBe('mg-compare: 100% (11/11) gaussian, seed 0');
  });
});

describe('reproducibility', () => {
  it(
    'gives the same CSV with 1 and 2 threads, and again on a repeated run',
    () => {
      const args = ['--epochs', '20', '--activations', 'relu,tanh,gelu,selu', '--seeds', '2'];
      const runs = [
        runCli([...args, '--threads', '1', '--out', 'one'], dir),
        runCli([...args, '--threads', '2', '--out', 'two'], dir),
        runCli([...args, '--threads', '1', '--out', 'again'], dir),
      ];
      for (const run of runs) expect(run.status, run.stderr).toBe(0);
      const [one, two, again] = ['one', 'two', 'again'].map((out) =>
        readFileSync(join(dir, out, 'activation-losses.csv'), 'utf8'),
      );
      expect(one!.trimEnd().split('\n')).toHaveLength(1 + 20 * 4 * 2);
      expect(two).toBe(one);
      expect(again).toBe(one);
    },
    3 * timeouts.run,
  );
});

describe('--help and --version', () => {
  it(
    'prints the usage with every flag and exits 0',
    () => {
      const run = runCli(['--help'], dir, timeouts.answer);
      expect(run.status).toBe(0);
      for (const flag of ['--activations', '--layers', '--epochs', '--lr', '--seed', '--seeds']) {
        expect(run.stdout).toContain(flag);
      }
      for (const flag of [
        '--dataset',
        '--scale',
        '--out',
        '--threads',
        '--threshold',
        '--version',
      ]) {
        expect(run.stdout).toContain(flag);
      }
      expect(run.stderr).toBe('');
    },
    timeouts.answer,
  );

  it(
    'prints the package version',
    () => {
      const run = runCli(['--version'], dir, timeouts.answer);
      expect(run.status).toBe(0);
      expect(run.stdout).toBe(`${version}\n`);
    },
    timeouts.answer,
  );
});

describe('stopped by a signal, the previous outputs stay whole and nothing is left behind', () => {
  /** A previous run's outputs (as the manifest names them) and a file of the user's. */
  function previousRun(cwd: string): Record<string, string> {
    mkdirSync(join(cwd, 'out'));
    const files: Record<string, string> = { 'notes.txt': 'mine' };
    for (const name of outputs.slice(1)) files[name] = `previous ${name}`;
    files[outputs[0]!] = JSON.stringify({ files: outputs.slice(1) });
    for (const [name, text] of Object.entries(files)) writeFileSync(join(cwd, 'out', name), text);
    return files;
  }

  function contents(out: string): Record<string, string> {
    return Object.fromEntries(
      listFiles(out).map((name) => [name, readFileSync(join(out, name), 'utf8')]),
    );
  }

  // Many short runs (33), so the first progress line comes early and the stop lands mid-training.
  const training = ['--epochs', '20000', '--seeds', '3'];

  it.each([
    ['SIGINT', '1'],
    ['SIGTERM', '2'],
  ] as const)(
    '%s during training (%s thread(s))',
    async (signal, threads) => {
      const cwd = mkdtempSync(join(dir, 'signal-'));
      const before = previousRun(cwd);
      const child = startCli([...training, '--threads', threads, '--out', 'out'], cwd);
      const end = exited(child);
      child.stderr!.once('data', () => child.kill(signal));
      expect(await end).toEqual({ code: null, signal });
      expect(contents(join(cwd, 'out'))).toEqual(before);
    },
    timeouts.run,
  );

  it(
    'removes the directories it created',
    async () => {
      const cwd = mkdtempSync(join(dir, 'signal-'));
      const child = startCli([...training, '--threads', '1', '--out', 'new/deeper'], cwd);
      const end = exited(child);
      child.stderr!.once('data', () => child.kill('SIGINT'));
      expect(await end).toEqual({ code: null, signal: 'SIGINT' });
      expect(listFiles(cwd)).toEqual([]);
    },
    timeouts.run,
  );
});

// Regression: writing progress to a closed pipe ended the run with an unhandled EPIPE.
it(
  'finishes quietly when its stderr is a pipe nobody reads',
  async () => {
    const cwd = mkdtempSync(join(dir, 'pipe-'));
    const child = startCli(['--epochs', '20', '--threads', '1'], cwd, ['ignore', 'ignore', 'pipe']);
    const end = exited(child);
    // Closed before the command writes anything: every progress line meets EPIPE.
    child.stderr!.destroy();
    expect(await end).toEqual({ code: 0, signal: null });
    expect(listFiles(join(cwd, 'out'))).toEqual(outputs);
  },
  timeouts.run,
);
