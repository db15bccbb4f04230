import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { version } from '../package.json';
import { builtinNames } from './fixtures/fake-result';
import { assertBuilt, type CommandRun, listFiles, readPngSize, runCli } from './helpers';

const outputs = [
  'activation-losses.csv',
  'activation-losses.json',
  'activation-losses.png',
  'activation-losses.svg',
  'activation-losses.vl.json',
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
  }, 120_000);

  it('exits 0 and writes the five outputs into out/, nothing else', () => {
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
    // Each legend label is the name, then its final loss (and maybe a marker).
    for (const name of builtinNames)
      expect(svg).toMatch(new RegExp(`>${name}\\s+[-0-9.e+]+( \\(|<)`));
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
      ...[outputs[2], outputs[3], outputs[4], outputs[0], outputs[1]].map(
        (name) => `  ${join('out', name!)}`,
      ),
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
  it('gives the same CSV with 1 and 2 threads, and again on a repeated run', () => {
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
  }, 120_000);
});

describe('--help and --version', () => {
  it('prints the usage with every flag and exits 0', () => {
    const run = runCli(['--help'], dir);
    expect(run.status).toBe(0);
    for (const flag of ['--activations', '--layers', '--epochs', '--lr', '--seed', '--seeds']) {
      expect(run.stdout).toContain(flag);
    }
    for (const flag of ['--dataset', '--scale', '--out', '--threads', '--threshold', '--version']) {
      expect(run.stdout).toContain(flag);
    }
    expect(run.stderr).toBe('');
  });

  it('prints the package version', () => {
    const run = runCli(['--version'], dir);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`${version}\n`);
  });
});
