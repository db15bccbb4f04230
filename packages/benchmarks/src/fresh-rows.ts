import { type FreshKind, importedPackages, type PackageImports } from './fresh-kinds';
import type { FreshSamples } from './fresh-process';
import { median, minimum } from './statistics';

/** One row of the fresh-process table. */
export interface FreshRow {
  kind: FreshKind;
  /** Whole process, spawn to exit (as hyperfine measures it), median and min over the rounds. */
  medianWallMs: number;
  minWallMs: number;
  /** Median wall − the median wall of `node -e ''`: what this program adds to Node's own start. */
  overNodeMs: number;
  /** Medians of what the process measured inside: importing its packages, then its work. */
  importMs: number;
  workMs: number;
  /** Median wall / the hand-written process's median wall (NaN for the kinds that do not train). */
  ratio: number;
  runs: number;
  /** The `imports` and `floor` kinds: each package's import (median, inside) and the Node
   * internal modules the four imports loaded (median); null for the other kinds. */
  packages: PackageImports | null;
  builtins: number | null;
}

const training: readonly FreshKind[] = ['hand-written', 'blocked', 'compiled', 'eager', 'compare'];

/** The fresh-process table from every kind's samples. */
export function freshRows(samples: FreshSamples): FreshRow[] {
  const wall = (kind: FreshKind) => median(samples[kind].map((s) => s.wallMs));
  const node = wall('node');
  const reference = wall('hand-written');
  return (Object.keys(samples) as FreshKind[]).map((kind) => {
    const own = samples[kind];
    const medianWallMs = wall(kind);
    return {
      kind,
      medianWallMs,
      minWallMs: minimum(own.map((s) => s.wallMs)),
      overNodeMs: medianWallMs - node,
      importMs: median(own.map((s) => s.importMs)),
      workMs: median(own.map((s) => s.workMs)),
      ratio: training.includes(kind) ? medianWallMs / reference : Number.NaN,
      runs: own.length,
      ...packageImports(own),
    };
  });
}

function packageImports(own: FreshSamples[FreshKind]): Pick<FreshRow, 'packages' | 'builtins'> {
  const measured = own.filter((s) => s.packages !== undefined);
  if (measured.length === 0) return { packages: null, builtins: null };
  const packages = Object.fromEntries(
    importedPackages.map((name) => [name, median(measured.map((s) => s.packages![name]))]),
  ) as PackageImports;
  return { packages, builtins: median(measured.map((s) => s.builtins ?? Number.NaN)) };
}
