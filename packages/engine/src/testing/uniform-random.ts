/**
 * A seeded generator of numbers in (−1, 1) (Park–Miller minimal standard), so that test and
 * benchmark graphs are the same on every run. Test support only: not exported.
 */
export function uniformRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 16807) % 2147483647;
    return (state / 2147483647) * 2 - 1;
  };
}
