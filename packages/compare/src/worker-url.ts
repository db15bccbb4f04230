import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Where the worker script is: `./worker.js` beside the built bundle, or — when this module runs
 * from its TypeScript source (vitest) — the built `../dist/worker.js`. `null` when neither exists,
 * e.g. when a consumer bundled `@mg/compare` into one file: the caller then trains in its own
 * thread.
 * NOTE: this file must stay directly in src/, so both paths are right from src/ and from dist/.
 */
export function workerUrl(base: string = import.meta.url): URL | null {
  const candidates = [new URL('./worker.js', base), new URL('../dist/worker.js', base)];
  return candidates.find((url) => existsSync(fileURLToPath(url))) ?? null;
}

/** The one-line warning of a run that wanted `threads` workers but has no worker script. */
export function warnNoWorker(threads: number): void {
  process.emitWarning(
    `@mg/compare: its worker script (worker.js) is not beside it, as when the package is ` +
      `bundled; training in the calling thread instead of ${threads} worker threads.`,
    { code: 'MG_COMPARE_NO_WORKER' },
  );
}
