import { defineConfig } from 'vitest/config';
import { workspaceSourceAliases } from '../../vitest.shared.ts';

export default defineConfig({
  resolve: { alias: workspaceSourceAliases },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // The deep-chain test checks that a million-node graph's memory is freed; it needs `gc()`.
    execArgv: ['--expose-gc'],
    // Million-node graphs take a few seconds on a busy machine.
    testTimeout: 60_000,
    benchmark: { include: ['bench/**/*.bench.ts'] },
  },
});
