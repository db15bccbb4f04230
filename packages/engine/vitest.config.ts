import { defineConfig } from 'vitest/config';
import { testTimeouts, workspaceSourceAliases } from '../../vitest.shared.ts';

export default defineConfig({
  resolve: { alias: workspaceSourceAliases },
  test: {
    ...testTimeouts,
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // The deep-chain test checks that a million-node graph's memory is freed; it needs `gc()`.
    execArgv: ['--expose-gc'],
    benchmark: { include: ['bench/**/*.bench.ts'] },
  },
});
