/** The median of a non-empty list (the mean of the middle two for an even count). */
export function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((p, q) => p - q);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The smallest of a non-empty list. */
export function minimum(samples: readonly number[]): number {
  return Math.min(...samples);
}

/**
 * The largest relative difference |a − b| / |b| between two loss curves (curves of several runs
 * concatenated), `b` being the reference. Entries where both are equal count as 0 (so do two
 * equal infinities); a NaN on either side gives NaN; curves of different lengths give Infinity.
 */
export function maxRelativeDifference(
  curves: readonly (readonly number[])[],
  reference: readonly (readonly number[])[],
): number {
  if (curves.length !== reference.length) return Number.POSITIVE_INFINITY;
  let worst = 0;
  for (let r = 0; r < curves.length; r++) {
    const a = curves[r]!;
    const b = reference[r]!;
    if (a.length !== b.length) return Number.POSITIVE_INFINITY;
    for (let k = 0; k < a.length; k++) {
      if (Number.isNaN(a[k]!) || Number.isNaN(b[k]!)) return Number.NaN;
      if (a[k] === b[k]) continue;
      worst = Math.max(worst, Math.abs(a[k]! - b[k]!) / Math.abs(b[k]!));
    }
  }
  return worst;
}
