import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { BenchmarkError } from './errors';
import { type FreshKind, freshKinds, type PackageImports } from './fresh-kinds';
import { readLoadedPackages, writeLoaderFloor } from './loader-floor';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const outDir = fileURLToPath(new URL('../out/fresh/', import.meta.url));

/** One fresh process's figures: its whole wall time, and its own view of import and work. */
export interface FreshSample {
  /** Spawn to exit, measured by the parent (what hyperfine measures), in ms. */
  wallMs: number;
  /** Inside the process: import of the packages, then the work (0 for `node` and `empty`). */
  importMs: number;
  workMs: number;
  /** The `imports` and `floor` kinds only: each package's import, and the Node internal modules
   * they loaded. */
  packages?: PackageImports;
  builtins?: number;
}

/** Every kind's samples, over all rounds. */
export type FreshSamples = Record<FreshKind, FreshSample[]>;

/**
 * Bundles `src/fresh-entry.ts` into plain JavaScript in out/fresh/ (esbuild; @mg/* and TF.js stay
 * imports, so they load from their built `dist`), so the timed processes run no TypeScript loader.
 * Code splitting keeps each dynamic import a separate file, loaded only by the kinds that use it.
 * Beside it, the `floor` kind's stub packages, shaped after the built packages of now.
 */
export async function bundleFreshEntry(): Promise<string> {
  const { build } = await import('esbuild');
  await build({
    entryPoints: [fileURLToPath(new URL('./fresh-entry.ts', import.meta.url))],
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outdir: outDir,
    external: ['@mg/*', '@mg-floor/*', '@tensorflow/*'],
    logLevel: 'error',
  });
  writeLoaderFloor(outDir, await readLoadedPackages());
  return `${outDir}fresh-entry.js`;
}

/**
 * Runs `rounds` rounds of fresh processes, one of each kind per round in a rotating order, one at
 * a time, so that every kind meets the same spells of machine load (like `lockstep.ts`, but each
 * sample is a whole process: start, import, work, exit).
 */
export function runFreshProcesses(entry: string, rounds: number): FreshSamples {
  const samples = Object.fromEntries(
    freshKinds.map((kind) => [kind, []]),
  ) as unknown as FreshSamples;
  for (let round = 0; round < rounds; round++) {
    for (let j = 0; j < freshKinds.length; j++) {
      const kind = freshKinds[(j + round) % freshKinds.length]!;
      samples[kind].push(runOnce(entry, kind));
    }
  }
  return samples;
}

function runOnce(entry: string, kind: FreshKind): FreshSample {
  const args = kind === 'node' ? ['-e', ''] : [entry, kind];
  const start = performance.now();
  const child = spawnSync(process.execPath, args, { cwd: packageDir, encoding: 'utf8' });
  const wallMs = performance.now() - start;
  if (child.status !== 0) {
    throw new BenchmarkError(
      `The fresh process '${kind}' failed (exit ${child.status ?? child.signal}): ${child.stderr}`,
    );
  }
  if (kind === 'node') return { wallMs, importMs: 0, workMs: 0 };
  const reply = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as FreshSample;
  const { importMs, workMs, packages, builtins } = reply;
  return { wallMs, importMs, workMs, ...(packages ? { packages, builtins } : {}) };
}
