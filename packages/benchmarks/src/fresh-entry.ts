/**
 * The script of a fresh-process case (see `fresh-process.ts`), bundled to plain JavaScript so that
 * no TypeScript loader runs in the timed process: `node out/fresh/fresh-entry.js <kind>`.
 * Every module is imported dynamically, so a kind loads only what it uses; @mg/* load from their
 * built `dist`, as a user's program would. Prints one JSON line: its import and training times as
 * seen from inside (performance.now(), from the process's start).
 */
import { type FreshKind, importedPackages, type PackageImports } from './fresh-kinds';

type Importers = Record<keyof PackageImports, () => Promise<unknown>>;
/** The four packages, each imported by name, as a user's program does. */
const packageImporters: Importers = {
  engine: () => import('@mg/engine'),
  activations: () => import('@mg/activations'),
  nn: () => import('@mg/nn'),
  compare: () => import('@mg/compare'),
};
/** Their stubs (`loader-floor.ts`): the same package names, files and imports, no code. */
const floorImporters: Importers = {
  engine: () => import('@mg-floor/engine'),
  activations: () => import('@mg-floor/activations'),
  nn: () => import('@mg-floor/nn'),
  compare: () => import('@mg-floor/compare'),
};

const kind = process.argv[2] as FreshKind;
const start = performance.now();
let imported = start;
const packages: Partial<PackageImports> = {};
let builtins: number | undefined;
switch (kind) {
  case 'empty':
    break;
  case 'floor':
  case 'imports': {
    // Each package timed on its own (those before it already loaded), and the Node internal
    // modules (streams, worker_threads, ...) that importing them made Node load. `floor` imports
    // the stubs of `loader-floor.ts` instead (the same package names, files and imports, no code).
    const builtinsBefore = builtinCount();
    let last = start;
    const lap = () => {
      const now = performance.now();
      const ms = now - last;
      last = now;
      return ms;
    };
    const importers = kind === 'imports' ? packageImporters : floorImporters;
    for (const name of importedPackages) {
      await importers[name]();
      packages[name] = lap();
    }
    imported = last;
    builtins = builtinCount() - builtinsBefore;
    break;
  }
  case 'hand-written':
  case 'blocked': {
    const { getActivation } = await import('@mg/activations');
    imported = performance.now();
    const { defaultComparison: spec } = await import('./workloads');
    const train =
      kind === 'blocked'
        ? (await import('./hand-written-blocked')).trainHandWrittenBlocked
        : (await import('./hand-written')).trainHandWritten;
    spec.activations.forEach((name, index) => {
      train(spec, getActivation(name), spec.initialParameters(index));
    });
    break;
  }
  case 'compiled':
  case 'eager': {
    await import('@mg/nn');
    imported = performance.now();
    const { defaultComparison: spec } = await import('./workloads');
    const trainer = (await import('./nn-trainer')).nnTrainer(spec, kind);
    spec.activations.forEach((name, index) => {
      trainer(name, spec.initialParameters(index));
    });
    break;
  }
  case 'compare': {
    const { runComparison } = await import('@mg/compare');
    imported = performance.now();
    await runComparison();
    break;
  }
  default:
    throw new Error(`unknown fresh-process kind '${kind}'`);
}
const end = performance.now();
process.stdout.write(
  `${JSON.stringify({ kind, startMs: start, importMs: imported - start, workMs: end - imported, ...(kind === 'imports' || kind === 'floor' ? { packages, builtins } : {}) })}\n`,
);

/** How many of Node's own modules this process has loaded (`process.moduleLoadList`). */
function builtinCount(): number {
  const list = (process as unknown as { moduleLoadList: readonly string[] }).moduleLoadList;
  return list.filter((entry) => entry.startsWith('NativeModule ')).length;
}
