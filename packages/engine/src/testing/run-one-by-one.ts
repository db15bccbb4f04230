import type { Tape } from '../tape';
import type { Value } from '../value';

/**
 * The reference for `Tape.runSamples` (test support only, not exported): a tape without lanes,
 * run sample by sample from the last, each sample's per-sample leaves written to their slots (their
 * gradients reset: `runSamples` gives each sample its own), then `forward()` and `backward(seed)`.
 * Returns each sample's root.
 */
export function runOneByOne(
  tape: Tape,
  perSample: readonly Value[],
  inputs: Float64Array,
  count: number,
  seed: number,
): Float64Array {
  const roots = new Float64Array(count);
  for (let s = count - 1; s >= 0; s--) {
    perSample.forEach((leaf, j) => {
      tape.values[tape.slotOf(leaf)] = inputs[s * perSample.length + j]!;
      tape.grads[tape.slotOf(leaf)] = 0;
    });
    roots[s] = tape.forward();
    tape.backward(seed);
  }
  return roots;
}
