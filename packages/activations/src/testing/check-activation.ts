// By the package's own name, not '../activation': the testing entry's build then imports the
// package's one built file instead of sharing a chunk with it (see tsup.config.ts).
import { type Activation, ActivationError, isActivation } from '@mg/activations';
import { checkOptionKeys, InvalidArgumentError, Op, optionKeys, Value } from '@mg/engine';

/** Options of {@link checkActivation}; every field has a default. */
export interface CheckActivationOptions {
  /** Points where f' is compared with central differences. Default {@link defaultGrid}. */
  grid?: readonly number[];
  /** Points where f and f' must be finite. Default {@link defaultExtremes}. */
  extremes?: readonly number[];
  /**
   * Where `apply` must make one node with the right data and grad.
   * Default {@link defaultApplyPoints}.
   */
  applyPoints?: readonly number[];
  /**
   * Allowed |f' − central difference| / max(1, |central difference|), on top of the estimated
   * error of the difference itself. Default 1e-6.
   */
  tolerance?: number;
  /** Central-difference step relative to max(1, |x|). Default 1e-5. */
  relativeStep?: number;
}

const checkOptionKeyList = optionKeys<CheckActivationOptions>({
  grid: true,
  extremes: true,
  applyPoints: true,
  tolerance: true,
  relativeStep: true,
});

/** What {@link checkActivation} found. */
export interface ActivationCheckReport {
  /** The activation's name. */
  name: string;
  /** True when `failures` is empty. */
  ok: boolean;
  /** One readable line per failed check. */
  failures: string[];
  /** Grid points where f has a kink or a jump, so f' was not compared there (e.g. relu at 0). */
  nonDifferentiableAt: number[];
}

/** −10 to 10 in steps of 1/16 (exact in binary, so 0 and the integers are on it). */
export const defaultGrid: readonly number[] = Object.freeze(
  Array.from({ length: 321 }, (_, k) => (k - 160) / 16),
);

/**
 * Where every activation must stay finite: 0 and ±0, the smallest doubles, the edges of e^x
 * overflow (709.8) and underflow (745.1), ±1000 and beyond. ±Number.MAX_VALUE is left out:
 * λx (selu) and any slope above 1 legitimately overflow there.
 */
export const defaultExtremes: readonly number[] = Object.freeze(
  [
    ...[0, Number.MIN_VALUE, 1e-300, 1e-8],
    ...[20, 40, 100, 709, 710, 745, 746, 1000, 1e6, 1e100, 1e300],
  ].flatMap((x) => [x, -x]),
);

/** A few points, including ±1000, where `apply` is checked node by node. */
export const defaultApplyPoints: readonly number[] = Object.freeze([
  -1000, -3, -1, 0, 0.5, 2, 1000,
]);

/** One kink or jump is where the one-sided slopes differ by more than this (relative). */
const KINK_TOLERANCE = 1e-3;
/** How many disagreeing grid points a failure line quotes. */
const EXAMPLES = 3;

/**
 * Checks an activation the way our own tests check the built-ins, without any test framework:
 * - f' against central differences at every grid point where f is smooth (kinks and jumps, found
 *   by comparing the one-sided slopes, are listed in `nonDifferentiableAt` and skipped);
 * - f and f' finite at the extremes (including ±1000);
 * - NaN in gives NaN out, for f and for f';
 * - `apply` makes ONE engine node (`x.apply(activation)`) with data f(x) and, after
 *   `backward()`, grad f'(x) on the input.
 * @example
 * const report = checkActivation(myActivation);
 * if (!report.ok) console.error(report.failures.join('\n'));
 */
export function checkActivation(
  activation: Activation,
  options: CheckActivationOptions = {},
): ActivationCheckReport {
  if (!isActivation(activation)) {
    throw new InvalidArgumentError({
      argument: 'activation',
      method: 'checkActivation',
      expected: 'an Activation made by defineActivation',
      received: activation,
    });
  }
  checkOptionKeys(options, checkOptionKeyList, 'options', 'checkActivation');
  const tolerance = positiveOption(options.tolerance, 1e-6, 'options.tolerance');
  const relativeStep = positiveOption(options.relativeStep, 1e-5, 'options.relativeStep');
  const failures: string[] = [];
  const nonDifferentiableAt: number[] = [];
  const stage = (what: string, run: () => void) => {
    try {
      run();
    } catch (error) {
      failures.push(`${what} threw: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  stage('derivative check', () =>
    checkDerivative(activation, options.grid ?? defaultGrid, tolerance, relativeStep, {
      failures,
      nonDifferentiableAt,
    }),
  );
  stage('finiteness check', () =>
    checkFinite(activation, options.extremes ?? defaultExtremes, failures),
  );
  stage('NaN check', () => checkNaN(activation, failures));
  stage('apply check', () =>
    checkApply(activation, options.applyPoints ?? defaultApplyPoints, failures),
  );
  return { name: activation.name, ok: failures.length === 0, failures, nonDifferentiableAt };
}

/** Thrown by {@link assertActivation}; `report` holds every failure. */
export class ActivationCheckError extends ActivationError {
  override name = 'ActivationCheckError';
  /** The full report. */
  readonly report: ActivationCheckReport;

  constructor(report: ActivationCheckReport) {
    super(
      `Activation '${report.name}' failed ${report.failures.length} check(s):\n` +
        report.failures.map((line) => `- ${line}`).join('\n'),
    );
    this.report = report;
  }
}

/** Like {@link checkActivation}, but throws an `ActivationCheckError` listing the failures. */
export function assertActivation(
  activation: Activation,
  options?: CheckActivationOptions,
): ActivationCheckReport {
  const report = checkActivation(activation, options);
  if (!report.ok) throw new ActivationCheckError(report);
  return report;
}

function checkDerivative(
  activation: Activation,
  grid: readonly number[],
  tolerance: number,
  relativeStep: number,
  out: { failures: string[]; nonDifferentiableAt: number[] },
): void {
  const wrong: string[] = [];
  for (const x of grid) {
    const y = activation.forward(x);
    const d = activation.derivative(x, y);
    const h = relativeStep * Math.max(1, Math.abs(x));
    // Divide by the steps actually taken: x ± h is rounded.
    const above = x + h;
    const below = x - h;
    const fAbove = activation.forward(above);
    const fBelow = activation.forward(below);
    if (![y, d, fAbove, fBelow].every(Number.isFinite)) {
      wrong.push(`x = ${x}: f or f' is not finite (f = ${y}, f' = ${d})`);
      continue;
    }
    const left = (y - fBelow) / (x - below);
    const right = (fAbove - y) / (above - x);
    if (Math.abs(left - right) > KINK_TOLERANCE * Math.max(1, Math.abs(left), Math.abs(right))) {
      out.nonDifferentiableAt.push(x);
      continue;
    }
    const central = (fAbove - fBelow) / (above - below);
    // A second, finer difference estimates the discretisation error, which is O(h) rather than
    // O(h²) where f'' jumps (elu at 0): widen the tolerance by it. For smooth f it is ~1e-10.
    const fine = centralDifference(activation, x, h / 4);
    const allowed = tolerance * Math.max(1, Math.abs(fine)) + Math.abs(fine - central);
    if (!(Math.abs(d - fine) <= allowed)) {
      wrong.push(`x = ${x}: derivative ${d}, central difference ${fine}`);
    }
  }
  if (wrong.length > 0) {
    const more = wrong.length > EXAMPLES ? `; … ${wrong.length - EXAMPLES} more` : '';
    out.failures.push(
      `derivative disagrees with central differences at ${wrong.length} of ${grid.length} grid ` +
        `points: ${wrong.slice(0, EXAMPLES).join('; ')}${more}`,
    );
  }
}

function centralDifference(activation: Activation, x: number, h: number): number {
  const above = x + h;
  const below = x - h;
  return (activation.forward(above) - activation.forward(below)) / (above - below);
}

function checkFinite(activation: Activation, extremes: readonly number[], failures: string[]) {
  for (const x of extremes) {
    const y = activation.forward(x);
    const d = activation.derivative(x, y);
    if (!Number.isFinite(y)) failures.push(`forward(${x}) = ${y}, expected a finite number`);
    if (!Number.isFinite(d)) failures.push(`derivative(${x}) = ${d}, expected a finite number`);
  }
}

function checkNaN(activation: Activation, failures: string[]) {
  const y = activation.forward(Number.NaN);
  const d = activation.derivative(Number.NaN, y);
  if (!Number.isNaN(y)) failures.push(`forward(NaN) = ${y}, expected NaN`);
  if (!Number.isNaN(d)) failures.push(`derivative(NaN) = ${d}, expected NaN`);
}

function checkApply(activation: Activation, points: readonly number[], failures: string[]) {
  for (const p of points) {
    const x = new Value(p);
    const out: unknown = activation.apply(x);
    if (!(out instanceof Value)) {
      failures.push(`apply(Value(${p})) returned ${String(out)}, expected a Value`);
      return;
    }
    if (out.op !== Op.unary || out.a !== x || out.fn !== activation) {
      failures.push(
        `apply(Value(${p})) must make ONE unary node on its input (x.apply(activation)), ` +
          'but made something else',
      );
      return;
    }
    const y = activation.forward(p);
    const d = activation.derivative(p, y);
    if (!same(out.data, y)) failures.push(`apply(Value(${p})).data = ${out.data}, expected ${y}`);
    out.backward();
    if (!same(x.grad, d))
      failures.push(`apply(Value(${p})) gave x.grad = ${x.grad}, expected ${d}`);
  }
}

/** Equal numbers (0 and −0 alike), or both NaN. */
function same(a: number, b: number): boolean {
  return a === b || (Number.isNaN(a) && Number.isNaN(b));
}

function positiveOption(value: unknown, fallback: number, argument: string): number {
  if (value === undefined) return fallback;
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return value;
  throw new InvalidArgumentError({
    argument,
    method: 'checkActivation',
    expected: 'a positive finite number',
    received: value,
  });
}
