/**
 * The optimal-string-alignment distance between two strings: the fewest insertions, deletions,
 * substitutions and swaps of two adjacent characters that turn `a` into `b`. Swaps count once
 * because they are the commonest typo (`rleu` for `relu`). O(|a|·|b|), fine for short names.
 */
export function editDistance(a: string, b: string): number {
  // Three rolling rows: the swap rule looks two rows back.
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, beforePrevious[j - 2]! + 1);
      }
      current.push(best);
    }
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The candidate closest to `query` ignoring case, if it is close enough to be a likely typo (at
 * most a third of the query's length, and at least 2, edits away); the first one on ties.
 */
export function closestName(query: string, candidates: Iterable<string>): string | undefined {
  const wanted = query.toLowerCase();
  const limit = Math.max(2, Math.floor(query.length / 3));
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const distance = editDistance(wanted, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= limit ? best : undefined;
}
