/**
 * What a fresh-process case does (see `fresh-process.ts`): `node` is `node -e ''`, the floor;
 * `empty` runs the bundled script and imports nothing; `imports` imports @mg/engine,
 * @mg/activations, @mg/nn and @mg/compare; the others import what they need and train workload A
 * once (`compare`: `runComparison()` with its defaults, the user's whole path).
 */
export type FreshKind =
  | 'node'
  | 'empty'
  | 'imports'
  | 'hand-written'
  | 'blocked'
  | 'compiled'
  | 'eager'
  | 'compare';

/** Every kind, in report order. */
export const freshKinds: readonly FreshKind[] = [
  'node',
  'empty',
  'imports',
  'hand-written',
  'blocked',
  'compiled',
  'eager',
  'compare',
];

/** The four packages, in the order the `imports` kind imports them. */
export const importedPackages = ['engine', 'activations', 'nn', 'compare'] as const;

/** ms each package's import took inside an `imports` process (those before it already loaded). */
export type PackageImports = Record<(typeof importedPackages)[number], number>;
