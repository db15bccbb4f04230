// Writes the example CSV files beside this script from @mg/compare's built-in generators, with
// noise, so they can be remade exactly: `node examples/make-examples.mjs` (after `pnpm build`).
import { writeFileSync } from 'node:fs';
import { makeDataset } from '@mg/compare';

/** Rows as CSV text, numbers in their shortest round-trip form. */
function csv(header, rows) {
  return `${[header.join(','), ...rows.map((row) => row.join(','))].join('\n')}\n`;
}

// Two classes: two interleaving moons, 200 points, Gaussian noise 0.2 on each coordinate;
// label 0 for the upper moon, 1 for the lower one.
const moons = makeDataset('moons', 13, { samples: 200, noise: 0.2 });
writeFileSync(
  new URL('two-moons.csv', import.meta.url),
  csv(
    ['x1', 'x2', 'label'],
    moons.xs.map(([a, b], i) => [round(a), round(b), moons.ys[i] > 0 ? 1 : 0]),
  ),
);

// Regression: y = sin(x) + Gaussian noise 0.15, 150 points evenly spread over [-pi, pi].
const sine = makeDataset('sine', 21, { samples: 150, noise: 0.15 });
writeFileSync(
  new URL('noisy-sine.csv', import.meta.url),
  csv(
    ['x', 'y'],
    sine.xs.map(([x], i) => [round(x), round(sine.ys[i])]),
  ),
);

/** Six decimals: plenty for the data, and small files. */
function round(value) {
  return Number(value.toFixed(6));
}
