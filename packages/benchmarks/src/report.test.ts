import { describe, expect, it } from 'vitest';
import { freshKinds } from './fresh-kinds';
import type { FreshSamples } from './fresh-process';
import { buildReport, type RunEnvironment, renderMarkdown, toJson } from './report';
import type { CaseResult, ImplementationId } from './results';
import type { ScalingResult } from './scaling';
import type { SetupCost } from './setup-cost';
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
  freshRounds: 2,
  totalSeconds: 100,
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

// Medians: A hand-written 100, blocked 80, compiled 140 (1.4×; 1.75× blocked), eager 350
// (3.5×; 4.375× blocked), tfjs 2000. B: blocked 1000, compiled 1100 (1.1×), TF.js wasm 1000.
const outcomes: CaseOutcome[] = [
  mlp('A', 'hand-written', [100, 90, 120]),
  mlp('A', 'blocked', [80, 70, 90]),
  mlp('A', 'eager', [350, 340, 400], 100, [[4, 2.2]]),
  mlp('A', 'compiled', [140, 130, 150]),
  mlp('A', 'tfjs', [2000, 1900, 2100], 200, [[4, 2.000002]]),
  mlp('B', 'hand-written', [2000]),
  mlp('B', 'blocked', [1000]),
  mlp('B', 'eager', [9000], 1100),
  mlp('B', 'compiled', [1100]),
  { workload: 'B', implementation: 'tfjs', error: 'Error: boom\n    at somewhere' },
  mlp('B', 'tfjs-wasm', [1000]),
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

/**
 * Two rounds of fresh processes: node 40, imports 52 (12 over node; 10 ms inside), the loader floor
 * 46 (4 ms inside), hand-written 200, compiled 190.
 */
const wall: Record<string, number[]> = {
  node: [40, 40],
  empty: [42, 44],
  floor: [45, 47],
  imports: [50, 54],
  'hand-written': [200, 200],
  blocked: [180, 180],
  compiled: [180, 200],
  eager: [400, 400],
  compare: [300, 300],
};
const fresh = Object.fromEntries(
  freshKinds.map((kind) => [
    kind,
    wall[kind]!.map((wallMs, round) => ({
      wallMs,
      importMs: kind === 'node' ? 0 : kind === 'floor' ? 4 : 10,
      workMs: kind === 'node' ? 0 : 5,
      // The imports processes time each package: medians 1, 2, 3, 4 ms; 2 and 4 modules of Node's.
      ...(kind === 'imports'
        ? {
            packages: { engine: 1, activations: 2, nn: 3 + round, compare: 4 - round },
            builtins: 2 + 2 * round,
          }
        : {}),
      // The floor's stubs: 1.5, 1, 0.5 and 1 ms; no module of Node's.
      ...(kind === 'floor'
        ? { packages: { engine: 1.5, activations: 1, nn: 0.5, compare: 1 }, builtins: 0 }
        : {}),
    })),
  ]),
) as unknown as FreshSamples;

function cell(width: number, mode: 'eager' | 'compiled', nsPerUnit: number[]): ScalingResult {
  return {
    width,
    samples: 4,
    mode,
    parameters: 10,
    epochs: 3,
    setupMs: 2,
    nsPerUnit,
    gcShare: nsPerUnit.map(() => 0.25),
    peakRssMb: 90,
  };
}
// Eager: 20 at best, 50 at worst (2.5×: a cliff); compiled 5 to 30 (not judged).
const scaling = [
  cell(4, 'eager', [20, 25, 19]),
  cell(4, 'compiled', [5]),
  cell(16, 'eager', [50, 49, 60]),
  cell(16, 'compiled', [30]),
];

/** A million-parameter setup: 600 ms, 0.6 µs per parameter (over the 0.5 target). */
const setup: SetupCost = {
  width: 1000,
  parameters: 1_000_000,
  setupMs: 600,
  traceMs: 50,
  compileMs: 400,
  epochMs: 30,
  peakRssSetupMb: 350,
  peakRssEpochMb: 360,
  heapLimitMb: 4144,
};

describe('buildReport', () => {
  const report = buildReport(environment, outcomes, { fresh, scaling, setup });

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

  it('divides each median by the blocked reference too', () => {
    const a = report.mlp.filter((r) => r.workload === 'A');
    expect(a.find((r) => r.implementation === 'compiled')!.blockedRatio).toBeCloseTo(1.75, 12);
    expect(a.find((r) => r.implementation === 'blocked')!.blockedRatio).toBe(1);
  });

  it('checks the targets of issue 11', () => {
    const verdict = Object.fromEntries(
      report.targets.map((t) => [`${t.workload}: ${t.target}`, [t.measured, t.pass]]),
    );
    expect(verdict).toEqual({
      'fresh A: fresh process, compiled ≤ 1.0× fresh process, hand-written': ['0.95×', true],
      'imports: importing the four packages ≤ 15 ms (inside a fresh process)': [
        "10.0 ms inside (the loader's own floor for four packages: 4.0 ms; wall over `node -e ''`: 12.0 ms)",
        true,
      ],
      'B: compiled ≤ 1.2× blocked hand-written': ['1.10× blocked (0.55× plain hand-written)', true],
      'B: compiled faster than TF.js wasm': ['1100 vs 1000 ms: TF.js wasm 1.10× faster', false],
      'A: compiled (warm) ≤ 1.2× blocked hand-written': [
        '1.75× blocked (1.40× plain hand-written)',
        false,
      ],
      'A: eager ≤ 3× blocked hand-written': ['4.38× blocked (3.50× plain hand-written)', false],
      'scaling: eager within 2× of its best ns/parameter-sample-epoch': [
        '2.50× (slowest / fastest cell)',
        false,
      ],
      'compile: compiled setup (trace + compile) ≤ 0.5 µs per parameter (1,000,000 parameters, fresh process)':
        ['0.60 µs (peak RSS 350 MB)', false],
    });
  });

  it('marks the targets whose cases did not run', () => {
    const bare = buildReport(environment, outcomes.slice(0, 3));
    expect(bare.targets.map((t) => t.pass)).toEqual([
      null,
      null,
      null,
      null,
      null,
      false,
      null,
      null,
    ]);
  });

  it('reports fresh processes over node and against the hand-written process', () => {
    const rows = Object.fromEntries(report.fresh.map((r) => [r.kind, r]));
    expect(rows.imports!.overNodeMs).toBe(12);
    expect(rows.compiled!.ratio).toBeCloseTo(0.95, 12);
    expect(rows.imports!.ratio).toBeNaN();
    expect(rows.node!.minWallMs).toBe(40);
    expect(rows.imports!.packages).toEqual({ engine: 1, activations: 2, nn: 3.5, compare: 3.5 });
    expect(rows.imports!.builtins).toBe(3);
    expect(rows.compiled!.packages).toBeNull();
    expect(rows.floor!.importMs).toBe(4);
    expect(rows.floor!.ratio).toBeNaN();
    expect(rows.floor!.packages).toEqual({ engine: 1.5, activations: 1, nn: 0.5, compare: 1 });
  });

  it('judges imports on the time inside the process, not on wall time over node', () => {
    const slow = Object.fromEntries(
      Object.entries(fresh).map(([kind, samples]) => [
        kind,
        samples.map((s) => (kind === 'imports' ? { ...s, importMs: 16 } : s)),
      ]),
    ) as unknown as FreshSamples;
    const imports = buildReport(environment, outcomes, { fresh: slow, scaling }).targets[1]!;
    expect(imports.measured).toMatch(/^16\.0 ms inside/);
    expect(imports.pass).toBe(false);
  });

  it('says so when the loader floor did not run', () => {
    const { floor: _, ...withoutFloor } = fresh;
    const imports = buildReport(environment, outcomes, {
      fresh: withoutFloor as FreshSamples,
      scaling,
    }).targets[1]!;
    expect(imports.measured).toBe(
      "10.0 ms inside (the loader floor did not run; wall over `node -e ''`: 12.0 ms)",
    );
  });

  it('reports the chain per phase in ns per node', () => {
    expect(report.chain.map((r) => [r.phase, r.nsPerNode])).toEqual([
      ['build + backward', 310],
      ['build', 205],
    ]);
  });
});

describe('renderMarkdown', () => {
  const markdown = renderMarkdown(buildReport(environment, outcomes, { fresh, scaling, setup }));

  it('has the tables with their columns, one row per case and phase', () => {
    expect(markdown).toContain(
      '| workload | implementation | median ms | min ms | × hand-written | × blocked | peak RSS MB | max loss rel. diff | runs |',
    );
    expect(markdown).toContain(
      '| A | compiled | 140 | 130 | 1.40 | 1.75 | 100 | 0 (bit-exact) | 3 |',
    );
    expect(markdown).toContain('| A | tfjs | 2000 | 1900 | 20.00 | 25.00 | 200 | 1.0e-6 | 3 |');
    expect(markdown).toContain('| B | tfjs | — | — | — | — | — | — | 0 |');
    expect(markdown).toContain('| C | eager | build + backward | 310 | 300 | 310.0 | 300 | 3 |');
    expect(markdown).toContain('| imports | 52.0 | 50.0 | 12.0 | 10.0 | 5.0 | — |');
    expect(markdown).toContain('| node | 40.0 | 40.0 | — | 0.0 | 0.0 | — |');
    expect(markdown).toContain('| floor | 46.0 | 45.0 | 6.0 | 4.0 | 5.0 | — |');
    expect(markdown).toContain(
      '@mg/engine 1.0 ms (its stub 1.5 ms), @mg/activations 2.0 ms (its stub 1.0 ms), @mg/nn 3.5 ms (its stub 0.5 ms), @mg/compare 3.5 ms (its stub 1.0 ms); Node internal modules they loaded: 3.',
    );
    expect(markdown).toContain('| 16 | 4 | 10 | eager | 50.0 | 25 | 2.0 | 200.00 | 90 | 3 |');
    expect(markdown).toContain('| 1000000 | 600 | 0.60 | 0.05 | 0.40 | 30.0 | 350 | 360 | 4144 |');
    expect(markdown).toContain(
      '| A | eager ≤ 3× blocked hand-written | 4.38× blocked (3.50× plain hand-written) | ❌ fail |',
    );
  });

  it('lists failures with their error output', () => {
    expect(markdown).toMatch(/## Failures\n\n### B tfjs\n\n```\nError: boom/);
  });
});

describe('toJson', () => {
  it('keeps the rows and targets, and summarises loss curves by their final loss', () => {
    const json = JSON.parse(toJson(buildReport(environment, outcomes, { fresh, scaling })));
    expect(json.targets).toHaveLength(8);
    expect(json.outcomes[2].finalLosses).toEqual([2.2]);
    expect(json.outcomes[2].losses).toBeUndefined();
    expect(json.fresh).toHaveLength(9);
    expect(json.fresh.find((r: { kind: string }) => r.kind === 'floor').importMs).toBe(4);
    expect(json.scaling).toHaveLength(4);
  });
});
