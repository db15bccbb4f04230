import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile } from './compile';
import { InvalidArgumentError } from './errors';
import { dot, sum } from './n-ary';
import { Op } from './op-codes';
import { layer, neuron, stride, type Tape } from './tape';
import {
  buildProgram,
  makeLeaves,
  programArbitrary,
  reluFunction,
  tanhFunction,
} from './testing/random-program';
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
    const opsPerSample = [layer, layer, neuron, Op.sub, Op.powConst];
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
  });
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
});
