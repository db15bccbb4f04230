/**
 * d f / d xs[i] by the central difference (f(x + h) − f(x − h)) / (2h), with a step relative to
 * |x| so that it stays meaningful for large arguments. Test support only: not exported.
 */
export function centralDifference(
  f: (xs: readonly number[]) => number,
  xs: readonly number[],
  i: number,
  relativeStep = 1e-6,
): number {
  const x = xs[i]!;
  const h = relativeStep * Math.max(1, Math.abs(x));
  const up = xs.slice();
  const down = xs.slice();
  up[i] = x + h;
  down[i] = x - h;
  // Divide by the step the floating-point arguments actually differ by, not by the nominal 2h.
  return (f(up) - f(down)) / (up[i]! - down[i]!);
}

/**
 * Whether an analytic gradient and a finite difference agree: within `relative` of the larger
 * of the two, or within `absolute` (for gradients at or near zero, where the difference is noise).
 */
export function gradientsAgree(
  analytic: number,
  numeric: number,
  relative: number,
  absolute: number,
): boolean {
  const error = Math.abs(analytic - numeric);
  return error <= relative * Math.max(Math.abs(analytic), Math.abs(numeric)) || error <= absolute;
}
