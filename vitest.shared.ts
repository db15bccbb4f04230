import { fileURLToPath } from 'node:url';

/**
 * Tests import sibling packages from their TypeScript source, so a fresh clone runs them without
 * building first. Subpath exports are listed before their package so the longer match wins.
 */
const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export const workspaceSourceAliases = [
  {
    find: /^@mg\/activations\/testing$/,
    replacement: source('./packages/activations/src/testing/index.ts'),
  },
  { find: /^@mg\/engine$/, replacement: source('./packages/engine/src/index.ts') },
  { find: /^@mg\/activations$/, replacement: source('./packages/activations/src/index.ts') },
  { find: /^@mg\/nn$/, replacement: source('./packages/nn/src/index.ts') },
  { find: /^@mg\/compare\/browser$/, replacement: source('./packages/compare/src/browser.ts') },
  { find: /^@mg\/compare$/, replacement: source('./packages/compare/src/index.ts') },
];

/**
 * Every package's time-outs. Vitest's default of 5 s is a wall-time assertion in disguise: on a
 * busy 2-core machine a test that takes 50 ms alone can wait seconds for a core, and one that takes
 * a second can take a minute. Here a time-out only catches a hang. Tests that do much more (start processes or workers, million-node graphs)
 * set their own, sized to what they do.
 */
export const testTimeouts = { testTimeout: 120_000, hookTimeout: 120_000 };

/**
 * Browser tests (`browser-test/**`, run by each package's `test:browser` script in their own turbo
 * task) drive a real Chromium: one file at a time, with time-outs sized for a busy 2-core machine.
 */
export const browserTestOptions = {
  include: ['browser-test/**/*.test.ts'],
  fileParallelism: false,
  testTimeout: 120_000,
  hookTimeout: 120_000,
};
