import type { UnaryFunction } from './unary-function';

/*
 * The tape's dense dot products, run for `m` samples ("lanes") at once. A tape slot at or above
 * `shared` holds one number per lane in `width` consecutive places (lane i at `slot + i`); a slot
 * below it (a leaf shared by every sample, such as a weight) holds one number. Each lane's
 * arithmetic is exactly the single-sample rule's, in the same order; only the loops are arranged
 * so that one pass over a weight row serves four samples (register blocking).
 */

/**
 * Lane i of a dense dot: `bias + Σ w[k]·x[k]` over `n` consecutive slots from `w` and `x`, added
 * from the bias on, into `out + i` for every lane i < m.
 */
export function denseDotForwardLanes(
  v: Float64Array,
  w: number,
  x: number,
  n: number,
  bias: number,
  out: number,
  m: number,
  shared: number,
  width: number,
): void {
  if (m === 4 && width === 4 && w < shared && x >= shared && bias < shared) {
    // The network case: shared weights and bias, per-sample inputs. One pass over the row.
    let t0 = bias < 0 ? 0 : v[bias]!;
    let t1 = t0;
    let t2 = t0;
    let t3 = t0;
    for (let k = 0, xk = x; k < n; k++, xk += 4) {
      const wk = v[w + k]!;
      t0 += wk * v[xk]!;
      t1 += wk * v[xk + 1]!;
      t2 += wk * v[xk + 2]!;
      t3 += wk * v[xk + 3]!;
    }
    v[out] = t0;
    v[out + 1] = t1;
    v[out + 2] = t2;
    v[out + 3] = t3;
    return;
  }
  if (width === 1) {
    // One sample per slot: every run is consecutive.
    let total = bias < 0 ? 0 : v[bias]!;
    for (let k = 0; k < n; k++) total += v[w + k]! * v[x + k]!;
    v[out] = total;
    return;
  }
  const wStep = w < shared ? 1 : width;
  const xStep = x < shared ? 1 : width;
  for (let i = 0; i < m; i++) {
    const wi = w < shared ? w : w + i;
    const xi = x < shared ? x : x + i;
    let total = bias < 0 ? 0 : v[bias < shared ? bias : bias + i]!;
    for (let k = 0; k < n; k++) total += v[wi + k * wStep]! * v[xi + k * xStep]!;
    v[out + i] = total;
  }
}

/**
 * A dense dot's backward rule for lanes m − 1 … 0 (the order in which separate samples' passes,
 * last sample first, would reach a shared weight), with lane i's incoming gradient at `g + i`.
 * Input gradients only if `inputGradients`.
 */
export function denseDotBackwardLanes(
  v: Float64Array,
  gr: Float64Array,
  w: number,
  x: number,
  n: number,
  bias: number,
  inputGradients: boolean,
  g: number,
  m: number,
  shared: number,
  width: number,
): void {
  if (m === 4 && width === 4 && w < shared && x >= shared && bias < shared) {
    const g0 = gr[g]!;
    const g1 = gr[g + 1]!;
    const g2 = gr[g + 2]!;
    const g3 = gr[g + 3]!;
    if (inputGradients) {
      for (let k = 0, xk = x; k < n; k++, xk += 4) {
        const wk = v[w + k]!;
        let gw = gr[w + k]!;
        gw += v[xk + 3]! * g3;
        gr[xk + 3]! += wk * g3;
        gw += v[xk + 2]! * g2;
        gr[xk + 2]! += wk * g2;
        gw += v[xk + 1]! * g1;
        gr[xk + 1]! += wk * g1;
        gw += v[xk]! * g0;
        gr[xk]! += wk * g0;
        gr[w + k] = gw;
      }
    } else {
      for (let k = 0, xk = x; k < n; k++, xk += 4) {
        let gw = gr[w + k]!;
        gw += v[xk + 3]! * g3;
        gw += v[xk + 2]! * g2;
        gw += v[xk + 1]! * g1;
        gw += v[xk]! * g0;
        gr[w + k] = gw;
      }
    }
    if (bias >= 0) {
      let gb = gr[bias]!;
      gb += g3;
      gb += g2;
      gb += g1;
      gb += g0;
      gr[bias] = gb;
    }
    return;
  }
  if (width === 1) {
    const gi = gr[g]!;
    if (inputGradients) {
      for (let k = 0; k < n; k++) {
        gr[w + k]! += v[x + k]! * gi;
        gr[x + k]! += v[w + k]! * gi;
      }
    } else {
      for (let k = 0; k < n; k++) gr[w + k]! += v[x + k]! * gi;
    }
    if (bias >= 0) gr[bias]! += gi;
    return;
  }
  const wStep = w < shared ? 1 : width;
  const xStep = x < shared ? 1 : width;
  for (let i = m - 1; i >= 0; i--) {
    const wi = w < shared ? w : w + i;
    const xi = x < shared ? x : x + i;
    const gi = gr[g + i]!;
    if (inputGradients) {
      for (let k = 0; k < n; k++) {
        gr[wi + k * wStep]! += v[xi + k * xStep]! * gi;
        gr[xi + k * xStep]! += v[wi + k * wStep]! * gi;
      }
    } else {
      for (let k = 0; k < n; k++) gr[wi + k * wStep]! += v[xi + k * xStep]! * gi;
    }
    if (bias >= 0) gr[bias < shared ? bias : bias + i]! += gi;
  }
}

/** An activation's value and local derivative at each lane's pre-activation `v[dot + i]`, into `o + i`. */
export function activateLanes(
  fn: UnaryFunction,
  v: Float64Array,
  l: Float64Array,
  dot: number,
  o: number,
  m: number,
): void {
  for (let i = 0; i < m; i++) {
    const total = v[dot + i]!;
    const y = fn.forward(total);
    v[o + i] = y;
    l[o + i] = fn.derivative(total, y);
  }
}
