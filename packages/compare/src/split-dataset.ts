import { createRandom } from './datasets/random';

/** Rows of a dataset: inputs and targets (one number per output). */
export interface Rows {
  xs: number[][];
  ys: number[][];
}

/** A dataset split into the rows trained on and the rows held out. */
export interface Split {
  train: Rows;
  /** Empty when nothing is held out. */
  validation: Rows;
}

/**
 * Holds out `fraction` of the rows for validation, chosen at random from `seed` (the same seed,
 * the same split). With `stratify`, each target value is held out in the same proportion (for
 * classification: both classes appear on both sides when they have two rows or more). At least
 * one row is held out when `fraction` > 0, and at least one row per class (one row in all,
 * without `stratify`) stays for training. Both sides keep the rows' original order.
 */
export function splitDataset(rows: Rows, fraction: number, seed: number, stratify: boolean): Split {
  const count = rows.xs.length;
  const held = new Set<number>();
  if (fraction > 0) {
    const random = createRandom(seed);
    const groups = stratify ? groupByTarget(rows.ys) : [Array.from({ length: count }, (_, i) => i)];
    for (const group of groups) {
      shuffle(group, random.uniform);
      // Round to the nearest row, but keep one row of every group for training.
      const take = Math.min(Math.round(fraction * group.length), group.length - 1);
      for (const index of group.slice(0, take)) held.add(index);
    }
    if (held.size === 0) {
      // A small dataset rounds to nothing: hold out one row from the largest group.
      const largest = groups.reduce((a, b) => (b.length > a.length ? b : a));
      if (largest.length > 1) held.add(largest[0]!);
    }
  }
  const pick = (keep: (i: number) => boolean): Rows => {
    const xs: number[][] = [];
    const ys: number[][] = [];
    for (let i = 0; i < count; i++) {
      if (!keep(i)) continue;
      xs.push(rows.xs[i]!);
      ys.push(rows.ys[i]!);
    }
    return { xs, ys };
  };
  return { train: pick((i) => !held.has(i)), validation: pick((i) => held.has(i)) };
}

/** Row indices grouped by (first) target value, groups in order of first appearance. */
function groupByTarget(ys: readonly (readonly number[])[]): number[][] {
  const groups = new Map<number, number[]>();
  ys.forEach(([y], i) => {
    const group = groups.get(y!);
    if (group) group.push(i);
    else groups.set(y!, [i]);
  });
  return [...groups.values()];
}

/** Fisher–Yates, in place. */
function shuffle(items: number[], uniform: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(uniform() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}
