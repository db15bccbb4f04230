import { describe, expect, it } from 'vitest';
import { buildReport, type RunEnvironment, renderMarkdown, toJson } from './report';
import type { CaseResult, ImplementationId } from './results';
import type { CaseOutcome } from './summary';

const environment: RunEnvironment = {
  date: '2025-01-01T00:00:00.000Z',
  node: 'v20.0.0',
  cpus: 2,
  cpuModel: 'Test CPU',
  loadBefore: 1,
  loadAfter: 2,
  warmups: 1,
  processes: 3,
  repeats: 'default',
};

function mlp(
  workload: 'A' | 'B',
  implementation: ImplementationId,
  samplesMs: number[],
  peakRssMb = 100,
  losses = [[4, 2]],
): CaseResult {
  return {
    workload,
    implementation,
    timings: [{ label: 'train', samplesMs }],
    losses,
    peakRssMb,
    warmups: 1,
  };
}

// Medians: A hand-written 100, compiled 140 (1.4×), eager 350 (3.5×), tfjs 2000 (14.3× compiled).
const outcomes: CaseOutcome[] = [
  mlp('A', 'hand-written', [100, 90, 120]),
  mlp('A', 'eager', [350, 340, 400], 100, [[4, 2.2]]),
  mlp('A', 'compiled', [140, 130, 150]),
  mlp('A', 'tfjs', [2000, 1900, 2100], 200, [[4, 2.000002]]),
  mlp('B', 'hand-written', [1000]),
  mlp('B', 'eager', [9000], 1100),
  mlp('B', 'compiled', [1400]),
  { workload: 'B', implementation: 'tfjs', error: 'Error: boom\n    at somewhere' },
  {
    workload: 'C',
    implementation: 'eager',
    timings: [
      { label: 'build + backward', samplesMs: [300, 320, 310] },
      { label: 'build', samplesMs: [200, 210, 205] },
    ],
    nodes: 1_000_000,
    peakRssMb: 300,
    warmups: 1,
  },
];

describe('buildReport', () => {
  const report = buildReport(environment, outcomes);

  it('divides each median by the hand-written median of the same workload', () => {
    const a = Object.fromEntries(
      report.mlp.filter((r) => r.workload === 'A').map((r) => [r.implementation, r]),
    );
    expect(a['hand-written']!.ratio).toBe(1);
    expect(a.compiled!.ratio).toBeCloseTo(1.4, 12);
    expect(a.eager!.ratio).toBeCloseTo(3.5, 12);
    expect(a.eager!.minMs).toBe(340);
    expect(a.eager!.lossDifference).toBeCloseTo(0.1, 12);
    expect(a.compiled!.lossDifference).toBe(0);
  });

  it('checks the targets of issue 6, and marks those whose cases did not run', () => {
    const verdict = Object.fromEntries(
      report.targets.map((t) => [`${t.workload} ${t.target}`, t.pass]),
    );
    expect(verdict).toEqual({
      'A compiled ≤ 1.5× hand-written': true,
      'A compiled ≥ 20× faster than TF.js': false,
      'A eager ≤ 3× hand-written': false,
      'B compiled ≤ 1.5× hand-written': true,
      'B compiled faster than TF.js': null,
      'B eager ≤ 10× hand-written': true,
      'B eager peak RSS < 1 GB': false,
    });
  });

  it('reports the chain per phase in ns per node', () => {
    expect(report.chain.map((r) => [r.phase, r.nsPerNode])).toEqual([
      ['build + backward', 310],
      ['build', 205],
    ]);
  });
});

describe('renderMarkdown', () => {
  const markdown = renderMarkdown(buildReport(environment, outcomes));

  it('has the tables with their columns, one row per case and phase', () => {
    expect(markdown).toContain(
      '| workload | implementation | median ms | min ms | × hand-written | peak RSS MB | max loss rel. diff | runs |',
    );
    expect(markdown).toContain('| A | compiled | 140 | 130 | 1.40 | 100 | 0 (bit-exact) | 3 |');
    expect(markdown).toContain('| A | tfjs | 2000 | 1900 | 20.00 | 200 | 1.0e-6 | 3 |');
    expect(markdown).toContain('| B | tfjs | — | — | — | — | — | 0 |');
    expect(markdown).toContain('| C | eager | build + backward | 310 | 300 | 310.0 | 300 | 3 |');
    expect(markdown).toContain('| A | eager ≤ 3× hand-written | 3.50× hand-written | ❌ fail |');
    expect(markdown).toContain('| B | compiled faster than TF.js | — | — not run |');
  });

  it('lists failures with their error output', () => {
    expect(markdown).toMatch(/## Failures\n\n### B tfjs\n\n```\nError: boom/);
  });
});

describe('toJson', () => {
  it('keeps the rows and targets, and summarises loss curves by their final loss', () => {
    const json = JSON.parse(toJson(buildReport(environment, outcomes)));
    expect(json.targets).toHaveLength(7);
    expect(json.outcomes[1].finalLosses).toEqual([2.2]);
    expect(json.outcomes[1].losses).toBeUndefined();
  });
});
