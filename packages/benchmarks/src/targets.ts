import type { MlpRow } from './summary';

/** One of issue 6's targets, checked against one run's rows. */
export interface TargetCheck {
  workload: 'A' | 'B';
  target: string;
  /** The measured figure, e.g. `1.21× hand-written`; `—` when a case is missing. */
  measured: string;
  /** `null` when a case it needs did not run. */
  pass: boolean | null;
}

/**
 * Issue 6's targets. All are ratios of medians measured side by side in one run:
 * A — compiled ≤ 1.5× hand-written and ≥ 20× faster than TF.js; eager ≤ 3× hand-written.
 * B — compiled ≤ 1.5× hand-written and faster than TF.js; eager ≤ 10× hand-written, peak RSS < 1 GB.
 */
export function checkTargets(rows: readonly MlpRow[]): TargetCheck[] {
  const row = (workload: 'A' | 'B', implementation: MlpRow['implementation']) =>
    rows.find((r) => r.workload === workload && r.implementation === implementation);
  const ratio = (workload: 'A' | 'B', implementation: MlpRow['implementation'], limit: number) => {
    const value = row(workload, implementation)?.ratio ?? Number.NaN;
    return check(value, `${value.toFixed(2)}× hand-written`, value <= limit);
  };
  const speedup = (workload: 'A' | 'B', least: number, strictly: boolean) => {
    const value =
      (row(workload, 'tfjs')?.medianMs ?? Number.NaN) /
      (row(workload, 'compiled')?.medianMs ?? Number.NaN);
    return check(value, `${value.toFixed(1)}× faster`, strictly ? value > least : value >= least);
  };
  const peak = row('B', 'eager')?.peakRssMb ?? Number.NaN;
  return [
    { workload: 'A', target: 'compiled ≤ 1.5× hand-written', ...ratio('A', 'compiled', 1.5) },
    { workload: 'A', target: 'compiled ≥ 20× faster than TF.js', ...speedup('A', 20, false) },
    { workload: 'A', target: 'eager ≤ 3× hand-written', ...ratio('A', 'eager', 3) },
    { workload: 'B', target: 'compiled ≤ 1.5× hand-written', ...ratio('B', 'compiled', 1.5) },
    { workload: 'B', target: 'compiled faster than TF.js', ...speedup('B', 1, true) },
    { workload: 'B', target: 'eager ≤ 10× hand-written', ...ratio('B', 'eager', 10) },
    {
      workload: 'B',
      target: 'eager peak RSS < 1 GB',
      ...check(peak, `${peak.toFixed(0)} MB`, peak < 1024),
    },
  ];
}

function check(
  value: number,
  measured: string,
  pass: boolean,
): Pick<TargetCheck, 'measured' | 'pass'> {
  return Number.isNaN(value) ? { measured: '—', pass: null } : { measured, pass };
}
