/** A solid line, as a Vega dash array. */
export const solid: readonly number[] = Object.freeze([1, 0]);

/**
 * Groups of curves drawn on the same pixels: two curves are together when, over the last
 * `tailShare` of their epochs, they are never more than `tolerance` pixels apart (so the end
 * labels point at one line). `pixels[i][epoch]` is curve i's y in pixels; `null` leaves a curve
 * out (it ends off the plot). Returns the groups of two or more, each in the given order.
 */
export function coincidentGroups(
  pixels: readonly (readonly number[] | null)[],
  tolerance = 2,
  tailShare = 0.3,
): number[][] {
  const parent = pixels.map((_, i) => i);
  const root = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r]!;
    return r;
  };
  for (let a = 0; a < pixels.length; a++) {
    for (let b = a + 1; b < pixels.length; b++) {
      const p = pixels[a];
      const q = pixels[b];
      if (!p || !q || p.length !== q.length || p.length === 0) continue;
      const from = Math.floor(p.length * (1 - tailShare));
      let apart = 0;
      for (let epoch = from; epoch < p.length; epoch++) {
        apart = Math.max(apart, Math.abs(p[epoch]! - q[epoch]!));
      }
      if (apart <= tolerance) parent[root(b)] = root(a);
    }
  }
  const groups = new Map<number, number[]>();
  pixels.forEach((_, i) => {
    const key = root(i);
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  return [...groups.values()].filter((group) => group.length > 1);
}

/**
 * Dash arrays that interleave `count` lines drawn on the same path: each shows one `segment`-long
 * dash in turn, so a line that hides others shows every colour along it, not just the top one.
 * NOTE: a dash array cannot start with a gap, so the k-th starts with an empty dash.
 */
export function interleavedDashes(count: number, segment = 7): number[][] {
  return Array.from({ length: count }, (_, k) =>
    k === 0
      ? [segment, (count - 1) * segment]
      : [0, k * segment, segment, (count - 1 - k) * segment],
  );
}
