import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile } from './compile';
import { InvalidArgumentError, UnknownOptionError } from './errors';
import { dot, sum } from './n-ary';
import { Op } from './op-codes';
import { fusedNeuron, layer, squaredErrors as squaredErrorsCode, stride, type Tape } from './tape';
import {
  buildProgram,
  makeLeaves,
  programArbitrary,
  reluFunction,
  tanhFunction,
} from './testing/random-program';
import { runOneByOne } from './testing/run-one-by-one';
import { uniformRandom } from './testing/uniform-random';
import { topologicalOrder } from './topological-order';
import { Value } from './value';

/** Describes the first node where a tape and an eager graph differ in any bit, or returns null. */
function firstDifference(tape: Tape, compiled: Value, eager: Value): string | null {
  const slotsOf = topologicalOrder(compiled);
  const nodes = topologicalOrder(eager);
  if (slotsOf.length !== nodes.length) return `${slotsOf.length} nodes vs ${nodes.length}`;
  for (let i = 0; i < nodes.length; i++) {
    const slot = tape.slotOf(slotsOf[i]!);
    const v = nodes[i]!;
    if (!Object.is(tape.values[slot], v.data))
      return `node ${i} data ${tape.values[slot]} vs ${v.data}`;
    if (!Object.is(tape.grads[slot], v.grad))
      return `node ${i} grad ${tape.grads[slot]} vs ${v.grad}`;
  }
  return null;
}

/** A small tanh network over two samples, built the way `@mg/nn` does: dot + apply per neuron. */
function network(weights: Value[][], samples: number[][]): Value {
  const losses = samples.map((x) => {
    let activations: Value[] = x.map((t) => new Value(t));
    for (const layer of weights) {
      const size = layer.length / (activations.length + 1);
      const next: Value[] = [];
      for (let n = 0; n < size; n++) {
        const row = layer.slice(n * (activations.length + 1), (n + 1) * (activations.length + 1));
        next.push(dot(row.slice(0, -1), activations, row.at(-1)!).apply(tanhFunction));
      }
      activations = next;
    }
    return activations[0]!.sub(1).pow(2);
  });
  return sum(losses);
}

describe('compile', () => {
  it('puts the leaves first, in slot order, and gives the root value', () => {
    const x = new Value(2, 'x');
    const y = new Value(3, 'y');
    const root = x.mul(y).add(x);
    const tape = compile(root);
    expect(tape.leaves).toEqual([x, y]);
    expect(tape.slotOf(x)).toBe(0);
    expect(tape.slotOf(y)).toBe(1);
    expect(tape.rootSlot).toBe(tape.slotOf(root));
    expect(tape.values[tape.rootSlot]).toBe(8);
    expect(tape.values).toHaveLength(4);
    expect(tape.grads).toHaveLength(4);
  });

  it('replays forward and backward like the eager engine', () => {
    const x = new Value(2);
    const y = new Value(3);
    const root = x.mul(y).add(x.exp()).div(y.pow(2));
    const tape = compile(root);
    tape.load();
    expect(tape.forward()).toBe(root.data);
    tape.backward();
    root.backward();
    expect(firstDifference(tape, root, root)).toBeNull();
  });

  it('picks up new leaf numbers with load() and writes gradients back with store()', () => {
    const x = new Value(2);
    const y = new Value(3);
    const root = x.mul(y);
    const tape = compile(root);
    x.data = 5;
    tape.load();
    expect(tape.forward()).toBe(15);
    tape.backward();
    expect(x.grad).toBe(0); // not stored yet
    tape.store();
    expect(x.grad).toBe(3);
    expect(y.grad).toBe(5);
    expect(x.data).toBe(5);
  });

  it('accumulates leaf gradients across backward() calls, resets interior ones', () => {
    const x = new Value(3);
    const square = x.mul(x);
    const root = square.mul(2);
    const tape = compile(root);
    tape.load();
    tape.forward();
    tape.backward();
    tape.backward();
    expect(tape.grads[tape.slotOf(x)]).toBe(24);
    expect(tape.grads[tape.slotOf(square)]).toBe(2);
    root.backward();
    root.backward();
    expect(firstDifference(tape, root, root)).toBeNull();
  });

  it('backward(seed) scales every gradient by the seed', () => {
    const x = new Value(0.7);
    const root = x.exp().mul(x);
    const tape = compile(root);
    tape.load();
    tape.forward();
    tape.backward(0.25);
    root.mul(0.25).backward();
    expect(tape.grads[tape.slotOf(x)]).toBe(x.grad);
  });

  it('compiles a leaf on its own', () => {
    const x = new Value(4);
    const tape = compile(x);
    tape.load();
    expect(tape.forward()).toBe(4);
    tape.backward();
    expect(tape.grads[0]).toBe(1);
  });

  it('keeps the unary function of each apply node, several functions in one tape', () => {
    const x = new Value(-0.5);
    const root = x.apply(tanhFunction).add(x.apply(reluFunction)).apply(tanhFunction);
    const tape = compile(root);
    x.data = 0.8;
    tape.load();
    const fresh = new Value(0.8);
    const expected = fresh.apply(tanhFunction).add(fresh.apply(reluFunction)).apply(tanhFunction);
    expect(tape.forward()).toBe(expected.data);
    tape.backward();
    expected.backward();
    expect(tape.grads[0]).toBe(fresh.grad);
  });

  it('matches eager bit for bit on a network with contiguous (dense) dot operands', () => {
    const sizes = [4 * (3 + 1), 5 * (4 + 1), 1 * (5 + 1)]; // outputs · (inputs + bias)
    const random = uniformRandom(1);
    const weights = sizes.map((n) => Array.from({ length: n }, () => new Value(random())));
    const samples = [
      [0.5, -1, 2],
      [1, 1, -0.5],
    ];
    const root = network(weights, samples);
    const tape = compile(root);
    // Per sample: a 4-neuron and a 5-neuron layer instruction, one neuron, then the loss's `sub`
    // and `pow`; then the `sum` over the samples.
    const { code } = tape as unknown as { code: Int32Array };
    const ops = Array.from({ length: code.length / stride }, (_, i) => code[i * stride]!);
    const opsPerSample = [layer, layer, fusedNeuron, Op.sub, Op.powConst];
    expect(ops).toEqual([...opsPerSample, ...opsPerSample, Op.sum]);
    expect(ops.map((op, i) => (op === layer ? code[i * stride + 5] : 1))).toEqual([
      4, 5, 1, 1, 1, 4, 5, 1, 1, 1, 1,
    ]);
    for (let step = 0; step < 3; step++) {
      for (const w of weights.flat()) w.data += 0.01 * step;
      tape.load();
      tape.forward();
      tape.backward();
      const eager = network(
        weights.map((layer) => layer.map((w) => new Value(w.data))),
        samples,
      );
      eager.backward();
      expect(firstDifference(tape, root, eager)).toBeNull();
    }
  });

  it('matches eager bit for bit on dots with scattered and repeated operands', () => {
    const [a, b, c, d] = [0.3, -1.2, 2.5, 0.9].map((t) => new Value(t));
    const inner = a!.mul(b!);
    const root = dot([d!, inner, a!], [c!, a!, inner], b!).add(dot([c!, c!], [d!, b!]));
    const tape = compile(root);
    tape.load();
    tape.forward();
    tape.backward();
    root.backward();
    expect(firstDifference(tape, root, root)).toBeNull();
  });

  it('rejects a non-Value root and a foreign Value in slotOf', () => {
    expect(() => compile(3 as never)).toThrow(InvalidArgumentError);
    const tape = compile(new Value(1).add(2));
    expect(() => tape.slotOf(new Value(1))).toThrow(
      "Argument 'v' passed to 'Tape.slotOf' must be a Value of the compiled graph, but got an instance of Value",
    );
  });

  it('compiles and replays a chain of 200,000 nodes without recursion', () => {
    const x = new Value(1);
    const step = new Value(0.5);
    let v = x;
    for (let i = 0; i < 200_000; i++) v = v.add(step);
    const tape = compile(v);
    step.data = 0.25;
    tape.load();
    expect(tape.forward()).toBe(1 + 200_000 * 0.25);
    tape.backward();
    tape.store();
    expect(x.grad).toBe(1);
    expect(step.grad).toBe(200_000);
  }, 120_000);
});

describe('fast-check: the compiled tape equals the eager engine bit for bit', () => {
  // Raw programs: every op on unrestricted operands, so NaN, ±Infinity and ±0 occur too;
  // Object.is compares them exactly (NaN equals NaN, 0 differs from -0).
  it('on random graphs with sum, dot and apply nodes, every node, data and grad', () => {
    fc.assert(
      fc.property(programArbitrary(), (program) => {
        const leaves = makeLeaves(program.leaves);
        const root = buildProgram(program, leaves, false);
        const tape = compile(root);
        tape.load();
        expect(Object.is(tape.forward(), root.data)).toBe(true);
        tape.backward();
        root.backward();
        expect(firstDifference(tape, root, root)).toBeNull();
        // Twice: leaves accumulate and interior nodes reset the same way.
        tape.backward();
        root.backward();
        expect(firstDifference(tape, root, root)).toBeNull();
      }),
      { numRuns: 500 },
    );
  });

  it('on changed leaf values: tape replay equals an eager rebuild', () => {
    const leafValues = fc.array(fc.double({ min: -3, max: 3, noNaN: true }), {
      minLength: 4,
      maxLength: 4,
    });
    fc.assert(
      fc.property(
        programArbitrary(),
        fc.array(leafValues, { minLength: 1, maxLength: 3 }),
        (program, updates) => {
          const leaves = makeLeaves(program.leaves);
          const root = buildProgram(program, leaves, false);
          const tape = compile(root);
          for (const update of updates) {
            const numbers = leaves.map((_, i) => update[i]!);
            leaves.forEach((leaf, i) => {
              leaf.data = numbers[i]!;
            });
            // Every leaf accumulates, constants lifted from numbers too: zero them all per step.
            for (const leaf of tape.leaves) leaf.grad = 0;
            tape.load();
            tape.forward();
            tape.backward();
            tape.store();
            const fresh = makeLeaves(numbers);
            const eager = buildProgram(program, fresh, false);
            eager.backward();
            expect(firstDifference(tape, root, eager)).toBeNull();
            leaves.forEach((leaf, i) => {
              expect(Object.is(leaf.grad, fresh[i]!.grad)).toBe(true);
            });
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('compile with wrt', () => {
  it('gives the wanted leaves the same gradients and skips the constant inputs of a dot', () => {
    const w = [new Value(0.5), new Value(-0.25)];
    const b = new Value(0.1);
    const x = [new Value(2), new Value(3)];
    const root = dot(w, x, b).mul(dot(w, x, b));
    root.backward();
    const eager = [...w, b].map((p) => p.grad);
    const xGrads = x.map((xi) => xi.grad);
    for (const v of [...w, b, ...x]) v.grad = 0;

    const tape = compile(root, { wrt: [...w, b] });
    tape.load();
    tape.forward();
    tape.backward();
    tape.store();
    expect([...w, b].map((p) => p.grad)).toEqual(eager);
    // store() leaves the gradients it did not compute alone.
    expect(x.map((xi) => xi.grad)).toEqual([0, 0]);
    expect(xGrads).not.toEqual([0, 0]);
    expect(Array.from(tape.wanted)).toEqual(tape.leaves.map((l) => (x.includes(l) ? 0 : 1)));
  });

  it('rejects a wrt that is not an iterable of Values', () => {
    const root = new Value(1).add(2);
    expect(() => compile(root, { wrt: 3 as never })).toThrow(
      "Argument 'options.wrt' passed to 'compile' must be an iterable of Values, but got number 3",
    );
    expect(() => compile(root, { wrt: [1] as never })).toThrow(/options\.wrt.*number 1/);
  });

  it('rejects a misspelt option key, suggesting the known one', () => {
    const root = new Value(1).add(2);
    expect(() => compile(root, { wtr: [] } as never)).toThrow(UnknownOptionError);
    expect(() => compile(root, { wtr: [] } as never)).toThrow(
      "Argument 'options' passed to 'compile' has an unknown key 'wtr'. Did you mean 'wrt'? Known keys: wrt",
    );
  });
});

/** How many times each node is an operand in the graph behind `root`. */
function useCounts(root: Value): Map<Value, number> {
  const uses = new Map<Value, number>();
  for (const v of topologicalOrder(root)) {
    const operands = [v.a, v.b, ...(v.terms ?? []), ...(v.inputs ?? [])];
    for (const o of operands) if (o !== null) uses.set(o, (uses.get(o) ?? 0) + 1);
  }
  return uses;
}

describe('Tape.runSamples: several samples per pass, the numbers of separate passes', () => {
  /** A 3-4-3-1 tanh network's squared error for per-sample inputs `x` and target `y`. */
  function networkLoss(weights: Value[][], x: Value[], y: Value): Value {
    let h = x;
    for (const rows of weights) {
      const size = rows.length / (h.length + 1);
      const next: Value[] = [];
      for (let j = 0; j < size; j++) {
        const row = rows.slice(j * (h.length + 1), (j + 1) * (h.length + 1));
        next.push(dot(row.slice(0, -1), h, row.at(-1)!).apply(tanhFunction));
      }
      h = next;
    }
    const d = h[0]!.sub(y);
    return d.mul(d);
  }

  /** The 3-4-3-1 network's loss with random weights, its per-sample leaves and its parameters. */
  function randomNetwork(random: () => number) {
    const sizes = [4 * (3 + 1), 3 * (4 + 1), 1 * (3 + 1)];
    const weights = sizes.map((n) => Array.from({ length: n }, () => new Value(2 * random() - 1)));
    const x = [new Value(0), new Value(0), new Value(0)];
    const y = new Value(0);
    return { root: networkLoss(weights, x, y), perSample: [...x, y], params: weights.flat() };
  }

  it('on a network, for every sample count 0–13 (whole blocks of four and remainders)', () => {
    const random = uniformRandom(7);
    const { root, perSample, params } = randomNetwork(random);
    const batched = compile(root, { wrt: params, perSample });
    const oneByOne = compile(root, { wrt: params });
    expect(batched.lanes).toBe(4);
    expect(oneByOne.lanes).toBe(1);
    for (let count = 0; count <= 13; count++) {
      const inputs = Float64Array.from({ length: count * 4 }, () => 4 * random() - 2);
      for (const tape of [batched, oneByOne]) tape.grads.fill(0);
      const roots = new Float64Array(count);
      batched.runSamples(inputs, count, roots, 0.5);
      const expected = runOneByOne(oneByOne, perSample, inputs, count, 0.5);
      expect(Array.from(roots, (r, s) => Object.is(r, expected[s]))).not.toContain(false);
      for (const p of params) {
        expect(
          Object.is(batched.grads[batched.slotOf(p)], oneByOne.grads[oneByOne.slotOf(p)]),
        ).toBe(true);
      }
    }
  });

  it('reads watched nodes as they pass, and forwardSamples gives the forward numbers alone', () => {
    const random = uniformRandom(11);
    const { root, perSample, params } = randomNetwork(random);
    // The network's output (the loss's first operand, the difference's) and a shared weight.
    const output = root.a!.a!;
    const tape = compile(root, { wrt: params, perSample });
    const single = compile(root, { wrt: params });
    const watch = Int32Array.of(tape.slotOf(output), tape.slotOf(params[0]!));
    for (const count of [0, 1, 4, 7, 9]) {
      const inputs = Float64Array.from({ length: count * 4 }, () => 4 * random() - 2);
      // Separate forward passes on a one-lane tape: the numbers to match.
      const expected: number[] = [];
      const expectedRoots: number[] = [];
      for (let s = 0; s < count; s++) {
        perSample.forEach((leaf, j) => {
          single.values[single.slotOf(leaf)] = inputs[s * 4 + j]!;
        });
        expectedRoots.push(single.forward());
        expected.push(single.values[single.slotOf(output)]!, params[0]!.data);
      }
      const roots = new Float64Array(count);
      const watched = new Float64Array(count * 2);
      tape.grads.fill(0);
      tape.forwardSamples(inputs, count, roots, watch, watched);
      expect(Array.from(roots).every((r, s) => Object.is(r, expectedRoots[s]))).toBe(true);
      expect(Array.from(watched).every((w, k) => Object.is(w, expected[k]))).toBe(true);
      expect(Array.from(tape.grads).every((g) => g === 0)).toBe(true);
      watched.fill(Number.NaN);
      tape.runSamples(inputs, count, roots, 1, watch, watched);
      expect(Array.from(watched).every((w, k) => Object.is(w, expected[k]))).toBe(true);
    }
  });

  it('names a bad watch or watched argument', () => {
    const x = new Value(0);
    const tape = compile(x.mul(new Value(2)).apply(tanhFunction), { perSample: [x] });
    const inputs = Float64Array.of(1, 2);
    const roots = new Float64Array(2);
    const output = Int32Array.of(tape.slotOf(x));
    expect(() => tape.forwardSamples(inputs, 2, roots, [0] as never)).toThrow(
      "Argument 'watch' passed to 'Tape.forwardSamples' must be an Int32Array of this tape's slots",
    );
    expect(() => tape.runSamples(inputs, 2, roots, 1, Int32Array.of(10_000))).toThrow(
      "Argument 'watch' passed to 'Tape.runSamples'",
    );
    expect(() => tape.runSamples(inputs, 2, roots, 1, Int32Array.of(-1))).toThrow(
      InvalidArgumentError,
    );
    expect(() => tape.forwardSamples(inputs, 2, roots, output, new Float64Array(1))).toThrow(
      "Argument 'watched' passed to 'Tape.forwardSamples' must be a Float64Array of at least 2 numbers (1 per sample)",
    );
    expect(() => tape.forwardSamples(inputs, 3, roots)).toThrow(
      "Argument 'count' passed to 'Tape.forwardSamples'",
    );
  });

  it('runs one sample per pass when a wanted shared leaf is used twice, with the same numbers', () => {
    const w = new Value(0.75);
    const x = new Value(0);
    const root = w.mul(x).add(w.mul(w));
    const perSample = [x];
    const batched = compile(root, { perSample });
    expect(batched.lanes).toBe(1);
    // Used twice, but not wanted: four samples per pass again.
    expect(compile(root, { perSample, wrt: [] }).lanes).toBe(4);
    const oneByOne = compile(root);
    const inputs = Float64Array.from([0.1, -2, 3.5, 1e-3, 7]);
    const roots = new Float64Array(5);
    batched.runSamples(inputs, 5, roots);
    expect(Array.from(roots)).toEqual(Array.from(runOneByOne(oneByOne, perSample, inputs, 5, 1)));
    expect(Object.is(batched.grads[batched.slotOf(w)], oneByOne.grads[oneByOne.slotOf(w)])).toBe(
      true,
    );
  });

  it('every op with a shared operand: its gradient adds up the samples in the same order', () => {
    const w = Array.from({ length: 17 }, (_, k) => new Value(0.3 + k / 20));
    const [x, z] = [new Value(0), new Value(0)];
    // Each shared leaf is used once, beside a per-sample one; z makes every sample's gradient differ.
    const terms = [
      w[0]!.add(x),
      x.sub(w[1]!),
      w[2]!.mul(x),
      x.div(w[3]!),
      w[4]!.pow(x),
      w[5]!.pow(3),
      w[6]!.exp(),
      w[7]!.log(),
      w[8]!.neg(),
      w[9]!.apply(tanhFunction),
      sum([w[10]!, x]),
      dot([x, w[11]!], [w[12]!, x], w[13]!),
      dot([w[14]!, w[15]!], [x, z], w[16]!),
    ];
    const root = sum(terms.map((t) => t.mul(z)));
    const perSample = [x, z];
    const batched = compile(root, { wrt: w, perSample });
    const oneByOne = compile(root, { wrt: w });
    expect(batched.lanes).toBe(4);
    const random = uniformRandom(3);
    for (const count of [3, 4, 6, 9]) {
      const inputs = Float64Array.from({ length: 2 * count }, () => 0.5 + random());
      batched.grads.fill(0);
      oneByOne.grads.fill(0);
      const roots = new Float64Array(count);
      batched.runSamples(inputs, count, roots, 0.75);
      const expected = runOneByOne(oneByOne, perSample, inputs, count, 0.75);
      expect(Array.from(roots, (r, s) => Object.is(r, expected[s]))).not.toContain(false);
      for (const [k, leaf] of w.entries()) {
        const got = batched.grads[batched.slotOf(leaf)];
        expect([k, got]).toEqual([k, oneByOne.grads[oneByOne.slotOf(leaf)]]);
      }
    }
  });

  it('fast-check: random graphs, per-sample leaves and sample counts, every op on lanes', () => {
    fc.assert(
      fc.property(
        programArbitrary(),
        fc.integer({ min: 0, max: 9 }),
        fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
        fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 36, maxLength: 36 }),
        fc.constantFrom(1, 0.25, -3),
        (program, count, sampleMask, numbers, seed) => {
          const leaves = makeLeaves(program.leaves);
          const root = buildProgram(program, leaves, false);
          const uses = useCounts(root);
          const inGraph = new Set(topologicalOrder(root));
          const perSample = leaves.filter((l, i) => sampleMask[i] && inGraph.has(l));
          // The graph's shared leaves used once: their gradients can be batched.
          const wrt = leaves.filter(
            (l) => inGraph.has(l) && !perSample.includes(l) && (uses.get(l) ?? 0) <= 1,
          );
          const batched = compile(root, { wrt, perSample });
          const oneByOne = compile(root, { wrt });
          expect(batched.lanes).toBe(4);
          const inputs = Float64Array.from(numbers.slice(0, count * perSample.length));
          batched.grads.fill(0);
          oneByOne.grads.fill(0);
          const roots = new Float64Array(count);
          batched.runSamples(inputs, count, roots, seed);
          const expected = runOneByOne(oneByOne, perSample, inputs, count, seed);
          expect(Array.from(roots, (r, s) => Object.is(r, expected[s]))).not.toContain(false);
          for (const l of wrt) {
            expect(
              Object.is(batched.grads[batched.slotOf(l)], oneByOne.grads[oneByOne.slotOf(l)]),
            ).toBe(true);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('computes the gradient of a per-sample leaf listed in wrt (a dot over it is not skipped)', () => {
    const w = [new Value(0.5), new Value(-2)];
    const x = [new Value(0), new Value(0)];
    const root = dot(w, x, new Value(0.25)).apply(tanhFunction);
    const tape = compile(root, { wrt: [...w, x[0]!], perSample: x });
    tape.runSamples(Float64Array.from([0.3, 0.7]), 1, new Float64Array(1));
    const y = Math.tanh(0.25 + 0.5 * 0.3 + -2 * 0.7);
    expect(tape.grads[tape.slotOf(x[0]!)]).toBe((1 - y * y) * 0.5);
  });

  it('keeps per-sample leaves after the shared ones and answers forward() for lane 0', () => {
    const w = new Value(2);
    const x = new Value(3);
    const b = new Value(-1);
    const root = w.mul(x).add(b);
    const tape = compile(root, { perSample: [x] });
    expect(tape.leaves).toEqual([w, b, x]);
    expect([tape.slotOf(w), tape.slotOf(b), tape.slotOf(x)]).toEqual([0, 1, 2]);
    // x has four lanes (slots 2–5); the interior nodes follow.
    expect(tape.slotOf(root)).toBe(10);
    expect(tape.forward()).toBe(5);
    tape.backward();
    expect(tape.grads[0]).toBe(3);
  });

  it('rejects per-sample values that are not leaves of the graph, and bad runSamples arguments', () => {
    const x = new Value(1);
    const root = x.mul(2);
    expect(() => compile(root, { perSample: [root] })).toThrow(
      /Argument 'options\.perSample\[0\]' passed to 'compile' must be a leaf of the compiled graph/,
    );
    expect(() => compile(root, { perSample: [new Value(3)] })).toThrow(/options\.perSample\[0\]/);
    expect(() => compile(root, { perSample: [3] as never })).toThrow(
      "Argument 'options.perSample' passed to 'compile' must be an iterable of Values, but got number 3",
    );
    const tape = compile(root, { perSample: [x] });
    expect(() => tape.runSamples([1, 2] as never, 2, new Float64Array(2))).toThrow(
      "Argument 'inputs' passed to 'Tape.runSamples' must be a Float64Array, but got an array of length 2",
    );
    expect(() => tape.runSamples(new Float64Array(2), 3, new Float64Array(3))).toThrow(
      /Argument 'count' passed to 'Tape.runSamples' must be an integer from 0 to the samples/,
    );
    expect(() => tape.runSamples(new Float64Array(2), 2, new Float64Array(1))).toThrow(/count/);
  });
});

describe('a sum of squared errors as one instruction', () => {
  /** Σ (p[k] − y[k])², built as @mg/nn's sumSquaredError builds it. */
  const squaredErrors = (p: Value[], y: (Value | number)[]) =>
    sum(
      p.map((pk, k) => {
        const d = pk.sub(y[k]!);
        return d.mul(d);
      }),
    );

  it('is fused, and replays every node of the sub, mul and sum nodes bit for bit', () => {
    const w = [0.3, -1.7, 2.2].map((t) => new Value(t));
    const x = new Value(0.9);
    const p = w.map((wk) => wk.mul(x).apply(tanhFunction));
    // A target given as a number (a constant leaf) and two as Values.
    const root = squaredErrors(p, [new Value(0.5), -0.25, new Value(1)]);
    const tape = compile(root);
    const { code } = tape as unknown as { code: Int32Array };
    expect(code[code.length - stride]).toBe(squaredErrorsCode);
    expect(code.length / stride).toBe(7); // three mul, three apply, one fused loss
    tape.forward();
    tape.backward(0.5);
    root.backward(0.5);
    expect(firstDifference(tape, root, root)).toBeNull();
  });

  it('in samples run together, with shared and per-sample targets', () => {
    const w = [0.8, -0.4].map((t) => new Value(t));
    const [x, y] = [new Value(0), new Value(0)];
    const p = w.map((wk) => wk.mul(x).apply(tanhFunction));
    const root = squaredErrors(p, [y, 0.75]);
    const perSample = [x, y];
    const batched = compile(root, { wrt: w, perSample });
    const oneByOne = compile(root, { wrt: w });
    const inputs = Float64Array.from([0.5, 1, -1, 0.2, 2, -0.3, 1.5, 0.1, -0.7, 0.9]);
    const roots = new Float64Array(5);
    batched.runSamples(inputs, 5, roots, 0.25);
    const expected = runOneByOne(oneByOne, perSample, inputs, 5, 0.25);
    expect(Array.from(roots, (r, s) => Object.is(r, expected[s]))).not.toContain(false);
    for (const wk of w) {
      expect(
        Object.is(batched.grads[batched.slotOf(wk)], oneByOne.grads[oneByOne.slotOf(wk)]),
      ).toBe(true);
    }
  });

  it('is not fused when a difference is used elsewhere', () => {
    const p = new Value(2).mul(3);
    const d = p.sub(1);
    const root = sum([d.mul(d)]).add(d);
    const { code } = compile(root) as unknown as { code: Int32Array };
    expect(Array.from({ length: code.length / stride }, (_, i) => code[i * stride])).not.toContain(
      16,
    );
  });
});

describe('dense dots, neurons and layers recognised only where they fit', () => {
  /** The op codes of a tape's instructions. */
  const opsOf = (tape: Tape) => {
    const { code } = tape as unknown as { code: Int32Array };
    return Array.from({ length: code.length / stride }, (_, i) => code[i * stride]!);
  };
  /** Replays `root` on a tape and eagerly; the first difference in any bit, or null. */
  const replay = (root: Value, tape: Tape = compile(root)) => {
    tape.load();
    tape.forward();
    tape.backward();
    root.backward();
    return firstDifference(tape, root, root);
  };
  const leaves = (...numbers: number[]) => numbers.map((t) => new Value(t));

  it('a dot used twice stays a dot: no neuron', () => {
    const [w0, w1, b, x0, x1] = leaves(0.4, -0.3, 0.1, 1.5, -2);
    const d = dot([w0!, w1!], [x0!, x1!], b!);
    const root = d.apply(tanhFunction).add(d);
    const tape = compile(root);
    expect(opsOf(tape)).not.toContain(fusedNeuron);
    expect(replay(root, tape)).toBeNull();
  });

  it('weights out of slot order, a node used as weight and input, constants: plain dots', () => {
    const [w0, w1, w2, x0, x1] = leaves(0.4, -0.3, 0.7, 1.5, -2);
    const reversed = dot([w2!, w1!, w0!], [x0!, x1!, x0!]);
    const mixed = dot([w0!, x0!], [x0!, w0!], 0.5);
    const constants = dot([0.25, -1], [x1!, reversed]);
    const root = sum([reversed.apply(tanhFunction), mixed.apply(reluFunction), constants]);
    expect(replay(root)).toBeNull();
  });

  it('two neurons sharing one weight row are two neurons, not a layer', () => {
    const w = leaves(0.4, -0.3, 0.2);
    const [b] = leaves(0.1);
    const x = leaves(1.5, -2, 0.3);
    const root = sum([dot(w, x, b).apply(tanhFunction), dot(w, x, b).apply(tanhFunction)]);
    const tape = compile(root);
    expect(opsOf(tape)).not.toContain(layer);
    expect(replay(root, tape)).toBeNull();
  });

  it('neurons with different activations, or different inputs, do not join one layer', () => {
    const rows = [0, 1, 2].map(() => leaves(0.3, -0.6, 0.2));
    const x = leaves(1, -1);
    const y = leaves(0.5, 2);
    const outputs = [
      dot(rows[0]!.slice(0, 2), x, rows[0]![2]!).apply(tanhFunction),
      dot(rows[1]!.slice(0, 2), x, rows[1]![2]!).apply(reluFunction),
      dot(rows[2]!.slice(0, 2), y, rows[2]![2]!).apply(reluFunction),
    ];
    const root = sum(outputs);
    const tape = compile(root);
    expect(opsOf(tape).filter((op) => op === fusedNeuron)).toHaveLength(3);
    expect(replay(root, tape)).toBeNull();
  });

  it('slotOf finds every node after a later walk overwrote the stamps compile left', () => {
    const [a, b] = leaves(0.5, -1);
    const root = dot([a!, b!], [b!, a!]).apply(tanhFunction).mul(a!);
    const tape = compile(root);
    const nodes = topologicalOrder(root);
    const slots = nodes.map((v) => tape.slotOf(v));
    root.backward();
    compile(root.add(1)); // renumbers every node of root's graph
    expect(nodes.map((v) => tape.slotOf(v))).toEqual(slots);
    expect(new Set(slots).size).toBe(nodes.length);
  });
});
