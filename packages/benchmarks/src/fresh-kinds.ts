/**
 * What a fresh-process case does (see `fresh-process.ts`): `node` is `node -e ''`, the floor;
 * `empty` runs the bundled script and imports nothing; `floor` imports four stub packages shaped
 * like ours and doing nothing (`loader-floor.ts`: what Node's module loader alone costs for the
 * four); `imports` imports @mg/engine, @mg/activations, @mg/nn and @mg/compare; the others import
 * what they need and train workload A once (`compare`: `runComparison()` with its defaults, the
 * user's whole path).
 */
export type FreshKind =
  | 'node'
  | 'empty'
  | 'floor'
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
  'floor',
  'imports',
  'hand-written',
  'blocked',
  'compiled',
  'eager',
  'compare',
];

/** The four packages, in the order the `imports` kind imports them (and `floor` their stubs). */
export const importedPackages = ['engine', 'activations', 'nn', 'compare'] as const;

/** ms each package's import took inside an `imports` (or `floor`) process, those before it loaded. */
export type PackageImports = Record<(typeof importedPackages)[number], number>;
