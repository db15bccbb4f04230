import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile } from './compile';
import { InvalidArgumentError } from './errors';
import { denseLayer, dot, neuron, sum } from './n-ary';
import { Op } from './op-codes';
import { reluFunction, tanhFunction } from './testing/random-program';
import { toGraph } from './to-graph';
import { Value } from './value';

describe('sum', () => {
  it('is one node that adds left to right from 0, like Python sum()', () => {
    const xs = [0.1, 0.2, 0.3].map((x) => new Value(x));
    const s = sum(xs);
    expect(s.op).toBe(Op.sum);
    expect(s.terms).toEqual(xs);
    // Left to right from 0: ((0 + 0.1) + 0.2) + 0.3 = 0.6000000000000001, not 0.1 + (0.2 + 0.3).
    expect(s.data).toBe(0.6000000000000001);
  });

  it('equals a chain of binary additions bit for bit, values and gradients', () => {
    const numbers = [0.7, -1.3, 2.9, 1e-17, 3.3];
    const xs = numbers.map((x) => new Value(x));
    const ys = numbers.map((x) => new Value(x));
    const n = sum(xs).mul(sum(xs));
    let chain = new Value(0);
    for (const y of ys) chain = chain.add(y);
    const c = chain.mul(chain);
    n.backward();
    c.backward();
    expect(n.data).toBe(c.data);
    expect(xs.map((x) => x.grad)).toEqual(ys.map((y) => y.grad));
  });

  it('gives each term the output gradient, accumulating for repeated terms', () => {
    const x = new Value(2);
    const y = new Value(3);
    const s = sum([x, y, x, x]).mul(5);
    s.backward();
    expect(x.grad).toBe(15);
    expect(y.grad).toBe(5);
  });

  it('lifts numbers to constants', () => {
    const x = new Value(2);
    const s = sum([1, x, 2.5]);
    s.backward();
    expect(s.data).toBe(5.5);
    expect(s.terms![0]!.data).toBe(1);
    expect(s.terms![2]!.grad).toBe(1);
    expect(x.grad).toBe(1);
  });

  it('of nothing is 0', () => {
    const s = sum([]);
    s.backward();
    expect(s.data).toBe(0);
    expect(s.grad).toBe(1);
  });

  it('keeps an array of Values by reference (no copy per node) and lifts numbers into a new one', () => {
    const terms = [new Value(1), new Value(2)];
    expect(sum(terms).terms).toBe(terms);
    const mixed = [new Value(1), 2];
    const lifted = sum(mixed).terms!;
    expect(lifted).not.toBe(mixed);
    expect(lifted.map((t) => t.data)).toEqual([1, 2]);
  });

  it('accepts frozen arrays, of Values or of numbers', () => {
    const terms = Object.freeze([new Value(1), new Value(2)]);
    expect(sum(terms).data).toBe(3);
    expect(sum(Object.freeze([new Value(1), 2])).data).toBe(3);
  });
});

describe('dot', () => {
  it('is one node: bias + Σ w·x, adding from the bias left to right', () => {
    const w = [0.1, 0.2, 0.3].map((x) => new Value(x));
    const x = [3, -1, 7].map((t) => new Value(t));
    const b = new Value(0.5);
    const d = dot(w, x, b);
    expect(d.op).toBe(Op.dot);
    expect(d.terms).toEqual(w);
    expect(d.inputs).toEqual(x);
    expect(d.a).toBe(b);
    // micrograd's sum((wi*xi for ...), self.b), in the same order of additions.
    expect(d.data).toBe(0.5 + 0.1 * 3 + 0.2 * -1 + 0.3 * 7);
  });

  it('equals micrograd binary nodes bit for bit, values and gradients', () => {
    const wn = [0.31, -0.77, 1.9];
    const xn = [0.2, 0.55, -2.25];
    const bn = -0.13;
    const w1 = wn.map((t) => new Value(t));
    const x1 = xn.map((t) => new Value(t));
    const b1 = new Value(bn);
    const w2 = wn.map((t) => new Value(t));
    const x2 = xn.map((t) => new Value(t));
    const b2 = new Value(bn);
    const n = dot(w1, x1, b1).exp();
    let chain = b2;
    for (let i = 0; i < 3; i++) chain = chain.add(w2[i]!.mul(x2[i]!));
    const c = chain.exp();
    n.backward();
    c.backward();
    expect(n.data).toBe(c.data);
    expect(w1.map((v) => v.grad)).toEqual(w2.map((v) => v.grad));
    expect(x1.map((v) => v.grad)).toEqual(x2.map((v) => v.grad));
    expect(b1.grad).toBe(b2.grad);
  });

  it('without a bias starts from 0 and has no a operand', () => {
    const d = dot([new Value(2)], [new Value(3)]);
    expect(d.a).toBeNull();
    expect(d.data).toBe(6);
  });

  it('gives w[i] the gradient x[i]·g and x[i] the gradient w[i]·g, and the bias g', () => {
    const w = [new Value(2), new Value(-3)];
    const x = [new Value(5), new Value(7)];
    const b = new Value(1);
    dot(w, x, b).mul(10).backward();
    expect(w.map((v) => v.grad)).toEqual([50, 70]);
    expect(x.map((v) => v.grad)).toEqual([20, -30]);
    expect(b.grad).toBe(10);
  });

  it('accumulates when the same Value is weight and input (w·w)', () => {
    const v = new Value(3);
    dot([v], [v]).backward();
    expect(v.grad).toBe(6);
  });

  it('lifts numbers in weights, inputs and bias', () => {
    const x = new Value(4);
    const d = dot([2, x], [x, 0.5], 1);
    d.backward();
    expect(d.data).toBe(1 + 2 * 4 + 4 * 0.5);
    expect(x.grad).toBe(2 + 0.5);
    expect(d.a!.data).toBe(1);
    expect(d.a!.grad).toBe(1);
  });

  it('of empty arrays is the bias, or 0', () => {
    expect(dot([], [], 3).data).toBe(3);
    expect(dot([], []).data).toBe(0);
  });

  it('rejects arrays of different lengths, naming both', () => {
    const call = () => dot([1, 2], [1]);
    expect(call).toThrow(InvalidArgumentError);
    expect(call).toThrow(
      "Argument 'inputs' passed to 'dot' must be an array of the same length as weights (2), but got an array of length 1",
    );
  });

  it('names the offending element of a weights, inputs or bias argument', () => {
    expect(() => dot([1, 'x' as never], [1, 2])).toThrow("Argument 'weights[1]' passed to 'dot'");
    expect(() => dot([1], [Number.NaN])).toThrow("Argument 'inputs[0]' passed to 'dot'");
    expect(() => dot([1], [1], null as never)).toThrow(
      "Argument 'bias' passed to 'dot' must be a Value or a finite number, but got null",
    );
  });
});

describe('neuron', () => {
  const numbers = fc.double({ min: -4, max: 4, noNaN: true });

  it('is one node with the value, local derivative and gradients of dot(…).apply(fn), bit for bit', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(numbers, numbers), { minLength: 1, maxLength: 6 }),
        numbers,
        numbers,
        fc.constantFrom(tanhFunction, reluFunction),
        (pairs, bias, scale, fn) => {
          const build = () => {
            const w = pairs.map(([wi]) => new Value(wi));
            const x = pairs.map(([, xi]) => new Value(xi));
            const b = new Value(bias);
            return { w, x, b };
          };
          const one = build();
          const two = build();
          const fused = neuron(one.w, one.x, one.b, fn);
          const split = dot(two.w, two.x, two.b).apply(fn);
          expect(Object.is(fused.data, split.data)).toBe(true);
          expect(Object.is(fused.local, split.local)).toBe(true);
          // Used twice and scaled, so gradients arrive from two places and may be ±0.
          fused.mul(scale).add(fused).backward();
          split.mul(scale).add(split).backward();
          const grads = (v: { w: Value[]; x: Value[]; b: Value }) =>
            [...v.w, ...v.x, v.b].map((leaf) => leaf.grad);
          // Object.is, element by element: toEqual would take 0 for −0.
          const [a, b] = [grads(one), grads(two)];
          expect(a.every((g, i) => Object.is(g, b[i]))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("is labelled with fn's name and keeps its operands in dot's order: weights, inputs, bias", () => {
    const w = [new Value(0.5, 'w0'), new Value(-1, 'w1')];
    const x = [new Value(2, 'x0'), new Value(3, 'x1')];
    const b = new Value(0.25, 'b');
    const n = neuron(w, x, b, tanhFunction);
    expect(n.op).toBe(Op.neuron);
    expect(n.label).toBe('tanh');
    expect(n.terms).toBe(w);
    expect(n.inputs).toBe(x);
    expect(n.a).toBe(b);
    expect(n.data).toBe(Math.tanh(0.25 + 0.5 * 2 + -1 * 3));
    const graph = toGraph(n);
    expect(graph.nodes.at(-1)).toMatchObject({ label: 'tanh', op: 'neuron' });
    const into = graph.edges.filter(([, to]) => to === graph.nodes.length - 1);
    expect(into.map(([from]) => graph.nodes[from]!.label)).toEqual(['w0', 'w1', 'x0', 'x1', 'b']);
  });

  it('compiles to a tape that replays it and its gradients bit for bit', () => {
    const w = [new Value(0.3), new Value(-0.7)];
    const x = [new Value(1.5), new Value(0.2)];
    const b = new Value(-0.1);
    const root = neuron(w, x, b, tanhFunction).mul(neuron(x, w, 0.5, reluFunction));
    const tape = compile(root);
    tape.load();
    expect(Object.is(tape.forward(), root.data)).toBe(true);
    tape.backward();
    tape.store();
    const tapeGrads = [...w, ...x, b].map((leaf) => leaf.grad);
    for (const leaf of [...w, ...x, b]) leaf.grad = 0;
    root.backward();
    expect([...w, ...x, b].map((leaf) => leaf.grad)).toEqual(tapeGrads);
  });

  it('lifts numbers in weights, inputs and bias', () => {
    const x = new Value(4);
    const n = neuron([2, x], [x, 0.5], 1, tanhFunction);
    expect(n.data).toBe(Math.tanh(1 + 2 * 4 + 4 * 0.5));
    n.backward();
    expect(x.grad).toBe(n.local * 2 + n.local * 0.5);
  });

  it('names the argument that is wrong, and what it expected', () => {
    const v = [new Value(1)];
    expect(() => neuron(v, v, 0, { name: 'f' } as never)).toThrow(
      "Argument 'fn' passed to 'neuron' must be a UnaryFunction",
    );
    expect(() => neuron(v, v, Number.NaN, tanhFunction)).toThrow(
      "Argument 'bias' passed to 'neuron' must be a Value or a finite number",
    );
    expect(() => neuron('w' as never, v, 0, tanhFunction)).toThrow(
      "Argument 'weights' passed to 'neuron' must be an array of Values or finite numbers",
    );
    expect(() => neuron([1, 2], v, 0, tanhFunction)).toThrow(
      "Argument 'inputs' passed to 'neuron' must be an array of the same length as weights (2)",
    );
    expect(() => neuron([1, 2], [3, {} as never], 0, tanhFunction)).toThrow(
      "Argument 'inputs[1]' passed to 'neuron'",
    );
    expect(() => neuron(v, v, 0, tanhFunction)).not.toThrow();
    expect(() => neuron(v, v, 0, null as never)).toThrow(InvalidArgumentError);
  });
});

describe('denseLayer', () => {
  const numbers = fc.double({ min: -4, max: 4, noNaN: true });

  it("is one neuron node per row, each with neuron's numbers and gradients, bit for bit", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }).chain((n) =>
          fc.tuple(
            fc.array(fc.array(numbers, { minLength: n, maxLength: n }), {
              minLength: 1,
              maxLength: 4,
            }),
            fc.array(numbers, { minLength: n, maxLength: n }),
            fc.array(numbers, { minLength: 4, maxLength: 4 }),
          ),
        ),
        fc.constantFrom(tanhFunction, reluFunction),
        ([rowNumbers, inputNumbers, biasNumbers], fn) => {
          const build = () => ({
            rows: rowNumbers.map((row) => row.map((w) => new Value(w))),
            x: inputNumbers.map((xi) => new Value(xi)),
            b: rowNumbers.map((_, j) => new Value(biasNumbers[j]!)),
          });
          const one = build();
          const two = build();
          const layer = denseLayer(one.rows, one.x, one.b, fn);
          const separate = two.rows.map((w, j) => neuron(w, two.x, two.b[j]!, fn));
          expect(layer.map((v) => v.op)).toEqual(separate.map(() => Op.neuron));
          expect(layer.every((v, j) => Object.is(v.data, separate[j]!.data))).toBe(true);
          sum(layer.map((v, j) => v.mul(j + 1))).backward();
          sum(separate.map((v, j) => v.mul(j + 1))).backward();
          const grads = (v: { rows: Value[][]; x: Value[]; b: Value[] }) =>
            [...v.rows.flat(), ...v.x, ...v.b].map((leaf) => leaf.grad);
          const [a, b] = [grads(one), grads(two)];
          expect(a.every((g, i) => Object.is(g, b[i]))).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('keeps the inputs and each row of Values by reference, and lifts numbers', () => {
    const x = [new Value(1), new Value(2)];
    const row = [new Value(0.5), new Value(-1)];
    const [first, second] = denseLayer([row, [3, 4]], x, [0.25, new Value(1)], tanhFunction);
    expect(first!.inputs).toBe(x);
    expect(first!.terms).toBe(row);
    expect(first!.data).toBe(Math.tanh(0.25 + 0.5 * 1 + -1 * 2));
    expect(second!.data).toBe(Math.tanh(1 + 3 * 1 + 4 * 2));
    expect(denseLayer([], x, [], tanhFunction)).toEqual([]);
  });

  it('names the argument that is wrong, and what it expected', () => {
    const x = [new Value(1), new Value(2)];
    const w = [new Value(1), new Value(1)];
    expect(() => denseLayer([w], x, [0], {} as never)).toThrow(
      "Argument 'fn' passed to 'denseLayer' must be a UnaryFunction",
    );
    expect(() => denseLayer([w], [1, 'x' as never], [0], tanhFunction)).toThrow(
      "Argument 'inputs[1]' passed to 'denseLayer'",
    );
    expect(() => denseLayer(w as never, x, [0, 0], tanhFunction)).toThrow(
      "Argument 'rows[0]' passed to 'denseLayer' must be an array of Values or finite numbers",
    );
    expect(() => denseLayer('w' as never, x, [], tanhFunction)).toThrow(
      "Argument 'rows' passed to 'denseLayer' must be an array of weight arrays, one per neuron",
    );
    expect(() => denseLayer([w, w], x, [0], tanhFunction)).toThrow(
      "Argument 'biases' passed to 'denseLayer' must be an array of 2 Values or finite numbers, one per row",
    );
    expect(() => denseLayer([w, [1]], x, [0, 0], tanhFunction)).toThrow(
      "Argument 'rows[1]' passed to 'denseLayer' must be an array of 2 weights, one per input",
    );
    expect(() => denseLayer([w, [1, null as never]], x, [0, 0], tanhFunction)).toThrow(
      "Argument 'rows[1][1]' passed to 'denseLayer'",
    );
    expect(() => denseLayer([w], x, [Number.NaN], tanhFunction)).toThrow(
      "Argument 'biases[0]' passed to 'denseLayer' must be a Value or a finite number",
    );
    expect(() => denseLayer([w], x, [0], tanhFunction)).not.toThrow(InvalidArgumentError);
  });
});
