import { defineConfig } from 'vitest/config';
import { testTimeouts } from '../../vitest.shared.ts';

export default defineConfig({ test: { ...testTimeouts, include: ['src/**/*.test.ts'] } });
