import type { DatasetDefinition } from './dataset-definition';

/**
 * The original program's four samples (three inputs, targets ±1). Fixed: the seed is ignored.
 * The same values as `xs` and `ys` in the original program's fixture, kept with @mg/nn's tests
 * (packages/nn/test/fixtures/original-experiment.json).
 */
export const original: DatasetDefinition = {
  name: 'original',
  description: "The original program's four samples: 3 inputs, targets ±1",
  // The original program fits its ±1 targets with squared error; 'auto' keeps that experiment.
  task: 'regression',
  generate: () => ({
    xs: [
      [2, 3, -1],
      [3, -1, 0.5],
      [0.5, 1, 1],
      [1, 1, -1],
    ],
    ys: [1, -1, -1, 1],
  }),
};
