import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile } from './compile';
import {
  blockedLayerInputs,
  denseLayerBackward4,
  denseLayerForward4,
  narrowLayerBackward4,
} from './dense-kernels';
import { dot, sum } from './n-ary';
import { Op } from './op-codes';
import { fusedNeuron, layer, stride, type Tape } from './tape';
import { reluFunction, tanhFunction } from './testing/random-program';
import { runOneByOne } from './testing/run-one-by-one';
import { uniformRandom } from './testing/uniform-random';
import { topologicalOrder } from './topological-order';
import type { UnaryFunction } from './unary-function';
import { Value } from './value';

/** A network as `@mg/nn` builds one: per neuron its weights then its bias, `dot` then `apply`. */
interface NetworkSpec {
  inputs: number;
  /** Neurons per layer; the last layer's are the outputs. */
  widths: number[];
  /** The activation of each layer. */
  fns: UnaryFunction[];
  /** Also add half of the first hidden unit to the loss: a layer output with two users. */
  reuseHidden: boolean;
  /** Also want the inputs' gradients: the first layer then adds up input gradients too. */
  inputGradients: boolean;
}

/** The network's one-sample loss, Σ (output − target)², and its leaves. */
function buildNetwork(spec: NetworkSpec, seed: number) {
  const random = uniformRandom(seed);
  const params: Value[] = [];
  const layers = spec.widths.map((width, l) => {
    const fanIn = l === 0 ? spec.inputs : spec.widths[l - 1]!;
    return Array.from({ length: width }, () => {
      const w = Array.from({ length: fanIn }, () => new Value(1.5 * random()));
      const b = new Value(0.5 * random());
      params.push(...w, b);
      return { w, b };
    });
  });
  const x = Array.from({ length: spec.inputs }, () => new Value(0));
  const outputs = spec.widths.at(-1)!;
  const y = Array.from({ length: outputs }, () => new Value(0));
  let h = x;
  let firstHidden: Value | null = null;
  for (const [l, neurons] of layers.entries()) {
    h = neurons.map((n) => dot(n.w, h, n.b).apply(spec.fns[l]!));
    firstHidden ??= h[0]!;
  }
  const squares = h.map((p, k) => {
    const d = p.sub(y[k]!);
    return d.mul(d);
  });
  let root = sum(squares);
  if (spec.reuseHidden && layers.length > 1) root = root.add(firstHidden!.mul(0.5));
  return { root, params, perSample: [...x, ...y] };
}

/**
 * Every node of the graph whose data or grad differs in any bit between the two tapes (lane 0),
 * but the gradients of leaves outside `wrt`, which a tape leaves unspecified.
 */
function differences(root: Value, wrt: readonly Value[], batched: Tape, oneByOne: Tape): string[] {
  const found: string[] = [];
  for (const [i, v] of topologicalOrder(root).entries()) {
    const a = batched.slotOf(v);
    const b = oneByOne.slotOf(v);
    if (!Object.is(batched.values[a], oneByOne.values[b])) found.push(`node ${i} data`);
    const gradientKnown = v.op !== Op.leaf || wrt.includes(v);
    if (gradientKnown && !Object.is(batched.grads[a], oneByOne.grads[b])) {
      found.push(`node ${i} grad`);
    }
  }
  return found;
}

/** Compiles the network both ways, runs `count` samples, and compares every number bit for bit. */
function checkNetwork(spec: NetworkSpec, seed: number, count: number, numbers: () => number) {
  const { root, params, perSample } = buildNetwork(spec, seed);
  const wrt = spec.inputGradients ? [...params, ...perSample] : params;
  const batched = compile(root, { wrt, perSample });
  const oneByOne = compile(root, { wrt });
  expect(batched.lanes).toBe(4);
  const inputs = Float64Array.from({ length: count * perSample.length }, numbers);
  const roots = new Float64Array(count);
  batched.runSamples(inputs, count, roots, 0.5);
  const expected = runOneByOne(oneByOne, perSample, inputs, count, 0.5);
  expect(Array.from(roots, (r, s) => Object.is(r, expected[s]))).not.toContain(false);
  for (const [k, p] of params.entries()) {
    expect([k, batched.grads[batched.slotOf(p)]]).toEqual([k, oneByOne.grads[oneByOne.slotOf(p)]]);
  }
  // The last pass served samples 0 … 3, sample 0 in lane 0: every node's lane 0 is sample 0's.
  if (count > 0) expect(differences(root, wrt, batched, oneByOne)).toEqual([]);
  return batched;
}

describe('whole dense layers, four samples per pass (denseLayerForward4 / denseLayerBackward4)', () => {
  it('are the instructions a network compiles to', () => {
    const spec: NetworkSpec = {
      inputs: 3,
      widths: [5, 4, 1],
      fns: [tanhFunction, reluFunction, tanhFunction],
      reuseHidden: false,
      inputGradients: false,
    };
    const { code } = checkNetwork(spec, 1, 4, () => 1) as unknown as { code: Int32Array };
    const ops = Array.from({ length: code.length / stride }, (_, i) => code[i * stride]);
    // A layer of five (a block of four, one more), one of four (one block), one neuron, the loss.
    expect(ops.slice(0, 3)).toEqual([layer, layer, fusedNeuron]);
    expect([code[5], code[stride + 5]]).toEqual([5, 4]);
  });

  it('give the numbers of separate passes: blocks of four neurons and 1–3 more, whole and partial sample blocks', () => {
    const random = uniformRandom(11);
    for (const widths of [[1], [2, 1], [3, 3], [7, 5, 2], [4, 1, 3], [6, 2, 1], [8, 9, 2]]) {
      for (const count of [1, 2, 3, 4, 5, 8, 9]) {
        for (const inputGradients of [true, false]) {
          const spec: NetworkSpec = {
            inputs: 3,
            widths,
            fns: widths.map((_, l) => (l % 2 === 0 ? tanhFunction : reluFunction)),
            reuseHidden: true,
            inputGradients,
          };
          checkNetwork(spec, 100 + count, count, () => 3 * random());
        }
      }
    }
  });

  it('fast-check: random shapes, activations, sample counts and inputs', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 1, max: 3 }),
        fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        (inputs, hidden, outputs, relu, reuseHidden, inputGradients, count, seed) => {
          const widths = [...hidden, outputs];
          const fns = widths.map((_, l) => (relu[l] ? reluFunction : tanhFunction));
          const random = uniformRandom(seed);
          const spec = { inputs, widths, fns, reuseHidden, inputGradients };
          checkNetwork(spec, seed, count, () => 4 * random());
        },
      ),
      { numRuns: 300 },
    );
  });
});

const identity: UnaryFunction = { name: 'x', forward: (x) => x, derivative: () => 1 };

describe('narrow and blocked layer loops (one or four neurons per pass over the inputs)', () => {
  /** A layer's slots as the tape lays them out: weights and biases, inputs, dots, outputs. */
  function layerSlots(n: number, count: number, seed: number) {
    const random = uniformRandom(seed);
    const x = count * (n + 1);
    const dot = x + 4 * n;
    const out = dot + 4 * count;
    const size = out + 4 * count;
    const v = Float64Array.from({ length: size }, () => 4 * random() - 2);
    const l = Float64Array.from({ length: size }, () => 2 * random() - 1);
    // Incoming gradients at the outputs; the dots' and inputs' slots zeroed, the weights' not.
    const gr = Float64Array.from({ length: size }, (_, i) =>
      i < x || i >= out ? 2 * random() - 1 : 0,
    );
    return { x, dot, out, v, l, gr };
  }

  it('give every slot the same number, bit for bit, forward and backward', () => {
    for (const n of [1, 2, 3, 5, 16, 17]) {
      for (const count of [1, 2, 3, 4, 5, 7, 8, 9]) {
        for (const inputGradients of [true, false]) {
          const a = layerSlots(n, count, 1000 * n + count);
          const b = layerSlots(n, count, 1000 * n + count);
          denseLayerForward4(identity, a.v, a.l, 0, a.x, n, count, a.out, a.dot, false);
          denseLayerForward4(identity, b.v, b.l, 0, b.x, n, count, b.out, b.dot, true);
          expect(Array.from(a.v, (value, i) => Object.is(value, b.v[i]))).not.toContain(false);
          narrowLayerBackward4(a.v, a.gr, a.l, 0, a.x, n, count, a.out, a.dot, inputGradients);
          denseLayerBackward4(b.v, b.gr, b.l, 0, b.x, n, count, b.out, b.dot, inputGradients);
          expect(Array.from(a.gr, (value, i) => Object.is(value, b.gr[i]))).not.toContain(false);
        }
      }
    }
  });

  it('the narrow forward adds each neuron from its bias on, inputs in order', () => {
    // One neuron: bias 1, weights 1e16 and −1e16, both inputs i + 1 in lane i. From the bias on,
    // (1 + 1e16·(i + 1)) − 1e16·(i + 1) = 0: the 1 is lost; the products first would give 1.
    const v = new Float64Array([1e16, -1e16, 1, 1, 2, 3, 4, 1, 2, 3, 4, 9, 9, 9, 9, 9, 9, 9, 9]);
    denseLayerForward4(identity, v, new Float64Array(19), 0, 3, 2, 1, 15, 11, false);
    expect(Array.from(v.subarray(11))).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('a network whose layers take the blocked kernels gives the numbers of separate passes', () => {
    const random = uniformRandom(21);
    for (const inputGradients of [true, false]) {
      const spec: NetworkSpec = {
        inputs: blockedLayerInputs,
        widths: [blockedLayerInputs + 1, 6, 1],
        fns: [tanhFunction, reluFunction, tanhFunction],
        reuseHidden: true,
        inputGradients,
      };
      for (const count of [3, 4, 9]) checkNetwork(spec, 7 + count, count, () => 2 * random());
    }
  });
});
