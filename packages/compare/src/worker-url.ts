import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ComparisonError } from './errors';

/**
 * Where the worker script is: `./worker.js` beside the built bundle, or — when this module runs
 * from its TypeScript source (vitest) — the built `../dist/worker.js`.
 * NOTE: this file must stay directly in src/, so both paths are right from src/ and from dist/.
 */
export function workerUrl(base: string = import.meta.url): URL {
  const candidates = [new URL('./worker.js', base), new URL('../dist/worker.js', base)];
  for (const url of candidates) {
    if (existsSync(fileURLToPath(url))) return url;
  }
  throw new ComparisonError(
    `The worker script of @mg/compare was not found (looked for ${candidates
      .map((url) => fileURLToPath(url))
      .join(' and ')}). Build the package ('pnpm --filter @mg/compare build') or pass threads: 1.`,
  );
}
