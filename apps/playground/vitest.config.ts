import { defineConfig } from 'vitest/config';
import { testTimeouts, workspaceSourceAliases } from '../../vitest.shared.ts';

export default defineConfig({
  resolve: { alias: workspaceSourceAliases },
  test: { ...testTimeouts, include: ['src/**/*.test.ts'] },
});
