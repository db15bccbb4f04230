import type { DatasetDefinition } from './dataset-definition';
import { createRandom } from './random';

/**
 * Two Gaussian blobs, like scikit-learn's `make_blobs` with two centres: centred on (−1, −1)
 * (target −1, the first half) and (1, 1) (target +1), with `noise` as their standard deviation.
 * Linearly separable unless the noise is large, so even 'identity' can fit it.
 */
export const gaussians: DatasetDefinition = {
  name: 'gaussians',
  description:
    'Two Gaussian blobs: 32 points in 2-D around (-1, -1) and (1, 1), sd 0.5, targets ±1',
  defaults: { samples: 32, noise: 0.5 },
  generate(seed, { samples, noise }) {
    const random = createRandom(seed);
    const first = Math.ceil(samples / 2);
    const xs: number[][] = [];
    const ys: number[] = [];
    for (let i = 0; i < samples; i++) {
      const centre = i < first ? -1 : 1;
      xs.push([centre + noise * random.normal(), centre + noise * random.normal()]);
      ys.push(centre);
    }
    return { xs, ys };
  },
};
