import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { mersenne } from 'pure-rand/generator/mersenne';

/**
 * The generator of the last seed as seeding left it: seeding MT19937 runs 1,248 steps (624 to
 * seed, 624 to twist), which a clone replaces by a copy. Networks are mostly made one after
 * another with one seed (a comparison makes one per activation), and in a fresh process those
 * steps ran unoptimised for each of them.
 * NOTE: it also keeps a generator alive for as long as the module: V8 drops the generator class's
 * hidden class once no generator is alive, and with it the optimised code of the drawing
 * functions (a program that built networks one after another, collecting garbage in between,
 * ran every network's initialisation unoptimised).
 */
let lastSeeded: { seed: number; generator: ReturnType<typeof mersenne> } | null = null;

/** A generator seeded with `seed`: a copy of the last one made, if it had that seed. */
function seededGenerator(seed: number): ReturnType<typeof mersenne> {
  if (lastSeeded?.seed !== seed) lastSeeded = { seed, generator: mersenne(seed) };
  return lastSeeded.generator.clone();
}

/** How initial weights are drawn; see {@link initialParameters}. */
export type InitScheme = 'uniform' | 'xavier' | 'he';

/** The initialisation schemes, in documentation order. */
export const initSchemes: readonly InitScheme[] = ['uniform', 'xavier', 'he'];

/**
 * Every parameter of a `inputs`-input network with `layerSizes`, in parameter order (layer by
 * layer, neuron by neuron, weights in input order, then the bias), drawn from MT19937 seeded with
 * `seed` (an integer in [0, 2^32)).
 * - `uniform`: weights and biases uniform in (−1, 1), as the original program.
 * - `xavier`: weights uniform in ±√(6 / (fanIn + fanOut)) (Glorot & Bengio 2010), biases 0.
 * - `he`: weights uniform in ±√(6 / fanIn) (He et al. 2015), biases 0.
 *
 * Every step is integer arithmetic or exactly rounded IEEE arithmetic (`*`, `−`, `Math.sqrt`),
 * so a seed gives the same numbers on every platform.
 */
export function initialParameters(
  inputs: number,
  layerSizes: readonly number[],
  init: InitScheme,
  seed: number,
): number[] {
  const rng = seededGenerator(seed);
  const out: number[] = [];
  let fanIn = inputs;
  for (const fanOut of layerSizes) {
    const limit =
      init === 'uniform'
        ? 1
        : init === 'xavier'
          ? Math.sqrt(6 / (fanIn + fanOut))
          : Math.sqrt(6 / fanIn);
    for (let n = 0; n < fanOut; n++) {
      for (let i = 0; i < fanIn; i++) out.push(limit * signedUniform(rng));
      out.push(init === 'uniform' ? signedUniform(rng) : 0);
    }
    fanIn = fanOut;
  }
  return out;
}

/**
 * Uniform in the open interval (−1, 1): 2u − 1 for a 53-bit u in [0, 1), which is exact because
 * u is a multiple of 2^−53. u = 0 (probability 2^−53) is redrawn so that −1 never occurs.
 */
function signedUniform(rng: Parameters<typeof uniformFloat64>[0]): number {
  let u = uniformFloat64(rng);
  while (u === 0) u = uniformFloat64(rng);
  return 2 * u - 1;
}
