/**
 * Where the worker script is: `./worker.js` beside the built bundle, or — when this module runs
 * from its TypeScript source (vitest) — the built `../dist/worker.js`. `null` when neither exists,
 * e.g. when a consumer bundled `@mg/compare` into one file: the caller then trains in its own
 * thread.
 * NOTE: this file must stay directly in src/, so both paths are right from src/ and from dist/.
 */
export async function workerUrl(base: string = import.meta.url): Promise<URL | null> {
  for (const url of [new URL('./worker.js', base), new URL('../dist/worker.js', base)]) {
    if (await exists(url)) return url;
  }
  return null;
}

async function exists(url: URL): Promise<boolean> {
  // Loaded on first use, not at import: each Node built-in an ES module imports costs every
  // `import '@mg/compare'` its ES module facade. fs/promises, not fs: `node:fs`'s facade reads
  // every lazy export (ReadStream...) and so loads all of streams (19 internal modules).
  const { access } = await import('node:fs/promises');
  try {
    await access(url);
    return true;
  } catch {
    return false;
  }
}

/** The one-line warning of a run that wanted `threads` workers but has no worker script. */
export function warnNoWorker(threads: number): void {
  process.emitWarning(
    `@mg/compare: its worker script (worker.js) is not beside it, as when the package is ` +
      `bundled; training in the calling thread instead of ${threads} worker threads.`,
    { code: 'MG_COMPARE_NO_WORKER' },
  );
}
