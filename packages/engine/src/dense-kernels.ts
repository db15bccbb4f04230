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
    dot4(v, w, x, n, bias, out);
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

/**
 * A whole layer for lanes `0 … m − 1` in any layout (the general case of the tape's `layer`
 * instruction): each neuron's dot, then its activation, neurons in order. Neuron j's weights (then
 * its bias) start j·(n + 1) slots after the first's, its dot and output `j · width` after `dot`'s
 * and `out`'s.
 */
export function denseLayerForwardLanes(
  fn: UnaryFunction,
  v: Float64Array,
  l: Float64Array,
  w: number,
  x: number,
  n: number,
  count: number,
  out: number,
  dot: number,
  m: number,
  shared: number,
  width: number,
): void {
  const row = w < shared ? n + 1 : (n + 1) * width;
  const bias = w < shared ? n : n * width;
  for (let j = 0, wj = w; j < count; j++, wj += row) {
    denseDotForwardLanes(v, wj, x, n, wj + bias, dot + j * width, m, shared, width);
    activateLanes(fn, v, l, dot + j * width, out + j * width, m);
  }
}

/**
 * Backward over a whole layer for lanes `0 … m − 1` in any layout: neurons last to first, each
 * neuron's activation rule (its dot receives `local · gradient`), then its dot's rule.
 */
export function denseLayerBackwardLanes(
  v: Float64Array,
  gr: Float64Array,
  l: Float64Array,
  w: number,
  x: number,
  n: number,
  count: number,
  out: number,
  dot: number,
  inputGradients: boolean,
  m: number,
  shared: number,
  width: number,
): void {
  const row = w < shared ? n + 1 : (n + 1) * width;
  const bias = w < shared ? n : n * width;
  for (let j = count - 1, wj = w + j * row; j >= 0; j--, wj -= row) {
    const dj = dot + j * width;
    const oj = out + j * width;
    for (let i = m - 1; i >= 0; i--) gr[dj + i]! += l[oj + i]! * gr[oj + i]!;
    denseDotBackwardLanes(v, gr, wj, x, n, wj + bias, inputGradients, dj, m, shared, width);
  }
}

/*
 * Whole layers in the network case: four lanes, the weights and biases shared leaves, the inputs
 * per-sample. Neuron j's weights are the `n` slots from `w + j·(n + 1)`, its bias the slot right
 * after them; its pre-activation (dot) is at `dot + 4j` and its output at `out + 4j`, one number
 * per lane. One call per layer keeps the loops in one function V8 optimises as a whole. Every
 * running sum adds its terms in the single-sample order.
 *
 * Two shapes of the same arithmetic. The blocked kernels take four neurons per pass over the
 * inputs, loading each input once for four neurons' multiply-adds (16 per input slot: about 1.2×
 * faster forward and 1.5× backward than one neuron per pass on 128 × 128). The narrow kernels
 * take one neuron per pass: on a narrow layer blocking saves little, and a fresh process needs
 * small loops. V8 optimises a function once it has run for a while in proportion to its size, on
 * a background thread; the blocked kernels' jobs took 30–65 ms (the narrow ones' about a fifth
 * of that), and until they were done a fresh process trained a small network in unoptimised code.
 * V8 compiles an activation's call for the first activation it sees; a program that moves to
 * another one makes it throw that code away and compile it again. The forward kernel calls the
 * activations itself and is one function for both loop shapes, too large for V8 to copy into the
 * tape's forward loop: only the kernel is recompiled, a short job when only the narrow loop has
 * run (measured in fresh processes of the default comparison: 1.11× the hand-written process's
 * training time, against 1.17× with the activations called from the tape's loop).
 */

/** Inputs per neuron from which a layer takes the blocked loops (four neurons per pass). */
export const blockedLayerInputs = 16;

/**
 * Forward over a whole layer for four lanes: each neuron's `bias + Σ w[k]·x[k]`, from the bias
 * on, into `dot + 4j + i`, then every neuron's activation value and local derivative into
 * `out + 4j + i` (the numbers `neuron` instructions would give: an activation is a pure function
 * of its input). `blocked`: four neurons per pass over the inputs, the last 1–3 one at a time;
 * otherwise one neuron per pass.
 */
export function denseLayerForward4(
  fn: UnaryFunction,
  v: Float64Array,
  l: Float64Array,
  w: number,
  x: number,
  n: number,
  count: number,
  out: number,
  dot: number,
  blocked: boolean,
): void {
  const row = n + 1;
  let j = 0;
  if (blocked) {
    for (; j + 3 < count; j += 4) {
      // Neurons j … j + 3 ("a" … "d"), lanes 0 … 3.
      const wa = w + j * row;
      const wb = wa + row;
      const wc = wb + row;
      const wd = wc + row;
      let a0 = v[wa + n]!;
      let a1 = a0;
      let a2 = a0;
      let a3 = a0;
      let b0 = v[wb + n]!;
      let b1 = b0;
      let b2 = b0;
      let b3 = b0;
      let c0 = v[wc + n]!;
      let c1 = c0;
      let c2 = c0;
      let c3 = c0;
      let d0 = v[wd + n]!;
      let d1 = d0;
      let d2 = d0;
      let d3 = d0;
      for (let k = 0, xk = x; k < n; k++, xk += 4) {
        const x0 = v[xk]!;
        const x1 = v[xk + 1]!;
        const x2 = v[xk + 2]!;
        const x3 = v[xk + 3]!;
        const p = v[wa + k]!;
        a0 += p * x0;
        a1 += p * x1;
        a2 += p * x2;
        a3 += p * x3;
        const q = v[wb + k]!;
        b0 += q * x0;
        b1 += q * x1;
        b2 += q * x2;
        b3 += q * x3;
        const r = v[wc + k]!;
        c0 += r * x0;
        c1 += r * x1;
        c2 += r * x2;
        c3 += r * x3;
        const t = v[wd + k]!;
        d0 += t * x0;
        d1 += t * x1;
        d2 += t * x2;
        d3 += t * x3;
      }
      const at = dot + 4 * j;
      store4(v, at, a0, a1, a2, a3);
      store4(v, at + 4, b0, b1, b2, b3);
      store4(v, at + 8, c0, c1, c2, c3);
      store4(v, at + 12, d0, d1, d2, d3);
    }
  }
  for (let wj = w + j * row, at = dot + 4 * j; j < count; j++, wj += row, at += 4) {
    let t0 = v[wj + n]!;
    let t1 = t0;
    let t2 = t0;
    let t3 = t0;
    for (let k = 0, xk = x; k < n; k++, xk += 4) {
      const wk = v[wj + k]!;
      t0 += wk * v[xk]!;
      t1 += wk * v[xk + 1]!;
      t2 += wk * v[xk + 2]!;
      t3 += wk * v[xk + 3]!;
    }
    store4(v, at, t0, t1, t2, t3);
  }
  activateLanes(fn, v, l, dot, out, 4 * count);
}

/**
 * Backward over a whole layer for four lanes, neurons last to first as separate `neuron`
 * instructions would run: each neuron's dot receives `local · gradient` of its output (its slot
 * was zeroed), then the dot's rule runs lanes 3 … 0, so every weight's and bias's gradient receives
 * the samples last first. An input's gradient (if `inputGradients`) receives the neurons'
 * contributions from the last neuron to the first: a block of four neurons adds the highest first.
 */
export function denseLayerBackward4(
  v: Float64Array,
  gr: Float64Array,
  l: Float64Array,
  w: number,
  x: number,
  n: number,
  count: number,
  out: number,
  dot: number,
  inputGradients: boolean,
): void {
  const row = n + 1;
  let j = count - 1;
  for (; j >= 3; j -= 4) {
    // Neurons j, j − 1, j − 2, j − 3 ("a" … "d"): the order their instructions would run in.
    const wa = w + j * row;
    const wb = wa - row;
    const wc = wb - row;
    const wd = wc - row;
    const da = dot + 4 * j;
    const oa = out + 4 * j;
    // Each dot receives `local · gradient` of its output: the block's 16 slots, then read back.
    const first = da - 12;
    const firstOut = oa - 12;
    for (let i = 0; i < 16; i++) gr[first + i]! += l[firstOut + i]! * gr[firstOut + i]!;
    const a0 = gr[da]!;
    const a1 = gr[da + 1]!;
    const a2 = gr[da + 2]!;
    const a3 = gr[da + 3]!;
    const b0 = gr[da - 4]!;
    const b1 = gr[da - 3]!;
    const b2 = gr[da - 2]!;
    const b3 = gr[da - 1]!;
    const c0 = gr[da - 8]!;
    const c1 = gr[da - 7]!;
    const c2 = gr[da - 6]!;
    const c3 = gr[da - 5]!;
    const d0 = gr[first]!;
    const d1 = gr[first + 1]!;
    const d2 = gr[first + 2]!;
    const d3 = gr[first + 3]!;
    for (let k = 0, xk = x; k < n; k++, xk += 4) {
      const x0 = v[xk]!;
      const x1 = v[xk + 1]!;
      const x2 = v[xk + 2]!;
      const x3 = v[xk + 3]!;
      addLanesLastFirst(gr, wa + k, x0 * a0, x1 * a1, x2 * a2, x3 * a3);
      addLanesLastFirst(gr, wb + k, x0 * b0, x1 * b1, x2 * b2, x3 * b3);
      addLanesLastFirst(gr, wc + k, x0 * c0, x1 * c1, x2 * c2, x3 * c3);
      addLanesLastFirst(gr, wd + k, x0 * d0, x1 * d1, x2 * d2, x3 * d3);
      if (inputGradients) {
        const p = v[wa + k]!;
        const q = v[wb + k]!;
        const r = v[wc + k]!;
        const t = v[wd + k]!;
        gr[xk] = gr[xk]! + p * a0 + q * b0 + r * c0 + t * d0;
        gr[xk + 1] = gr[xk + 1]! + p * a1 + q * b1 + r * c1 + t * d1;
        gr[xk + 2] = gr[xk + 2]! + p * a2 + q * b2 + r * c2 + t * d2;
        gr[xk + 3] = gr[xk + 3]! + p * a3 + q * b3 + r * c3 + t * d3;
      }
    }
    addLanesLastFirst(gr, wa + n, a0, a1, a2, a3);
    addLanesLastFirst(gr, wb + n, b0, b1, b2, b3);
    addLanesLastFirst(gr, wc + n, c0, c1, c2, c3);
    addLanesLastFirst(gr, wd + n, d0, d1, d2, d3);
  }
  // The first 1–3 neurons one at a time, last first.
  narrowLayerBackward4(v, gr, l, w, x, n, j + 1, out, dot, inputGradients);
}

/**
 * Backward over a whole layer for four lanes, one neuron per pass over the inputs: the numbers of
 * {@link denseLayerBackward4} in the same order (neurons last to first; each weight and bias
 * receives lanes 3 … 0; each input the neurons last to first), from loops a fraction of its size.
 */
export function narrowLayerBackward4(
  v: Float64Array,
  gr: Float64Array,
  l: Float64Array,
  w: number,
  x: number,
  n: number,
  count: number,
  out: number,
  dot: number,
  inputGradients: boolean,
): void {
  const row = n + 1;
  for (let j = count - 1, wj = w + j * row, dj = dot + 4 * j; j >= 0; j--, wj -= row, dj -= 4) {
    // The activation's rule: the dot's (zeroed) slot receives `local · gradient` of the output.
    const oj = out + (dj - dot);
    for (let i = 0; i < 4; i++) gr[dj + i]! += l[oj + i]! * gr[oj + i]!;
    const g0 = gr[dj]!;
    const g1 = gr[dj + 1]!;
    const g2 = gr[dj + 2]!;
    const g3 = gr[dj + 3]!;
    for (let k = 0, xk = x; k < n; k++, xk += 4) {
      let gw = gr[wj + k]!;
      gw += v[xk + 3]! * g3;
      gw += v[xk + 2]! * g2;
      gw += v[xk + 1]! * g1;
      gw += v[xk]! * g0;
      gr[wj + k] = gw;
      if (inputGradients) {
        const p = v[wj + k]!;
        gr[xk]! += p * g0;
        gr[xk + 1]! += p * g1;
        gr[xk + 2]! += p * g2;
        gr[xk + 3]! += p * g3;
      }
    }
    let gb = gr[wj + n]!;
    gb += g3;
    gb += g2;
    gb += g1;
    gb += g0;
    gr[wj + n] = gb;
  }
}

/**
 * `gr[at]` plus lane 3's term, then 2's, 1's and 0's: a shared leaf's gradient receives the
 * samples last first.
 */
function addLanesLastFirst(
  gr: Float64Array,
  at: number,
  g0: number,
  g1: number,
  g2: number,
  g3: number,
): void {
  let s = gr[at]!;
  s += g3;
  s += g2;
  s += g1;
  s += g0;
  gr[at] = s;
}

/**
 * One dense dot for four lanes, shared weights and bias (−1: none), per-sample inputs: each lane's
 * `bias + Σ w[k]·x[k]` from the bias on, into `out + i`, one pass over the row.
 */
function dot4(v: Float64Array, w: number, x: number, n: number, bias: number, out: number): void {
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
  store4(v, out, t0, t1, t2, t3);
}

/** Four lanes' numbers into `v[at … at + 3]`. */
function store4(v: Float64Array, at: number, t0: number, t1: number, t2: number, t3: number): void {
  v[at] = t0;
  v[at + 1] = t1;
  v[at + 2] = t2;
  v[at + 3] = t3;
}
