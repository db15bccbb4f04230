/**
 * A seeded source of uniform numbers in [0, 1): the same seed gives the same sequence on every
 * platform, so every implementation of a workload starts from the same parameters and data.
 *
 * A Weyl sequence (adding the 32-bit golden-ratio constant) scrambled by MurmurHash3's 32-bit
 * finaliser: tiny, fast and plenty random for initial weights and synthetic data.
 */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    z ^= z >>> 16;
    return (z >>> 0) / 4294967296;
  };
}
