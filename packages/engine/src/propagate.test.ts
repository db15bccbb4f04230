import { describe, expect, it } from 'vitest';
import { dot, sum } from './n-ary';
import { centralDifference, gradientsAgree } from './testing/finite-difference';
import { tanhFunction } from './testing/random-program';
import type { UnaryFunction } from './unary-function';
import { Value } from './value';

/** sin with its derivative, a second `apply` function that is not a squashing one. */
const sine: UnaryFunction = { name: 'sin', forward: Math.sin, derivative: (x) => Math.cos(x) };

interface OpCase {
  name: string;
  /** Builds the op from Value arguments. */
  build: (xs: readonly Value[]) => Value;
  /** Argument tuples at which to compare with central differences (inside the op's domain). */
  points: number[][];
}

const cases: OpCase[] = [
  {
    name: 'add',
    build: ([x, y]) => x!.add(y!),
    points: [
      [1, 2],
      [-3.5, 0.25],
      [0, -7],
    ],
  },
  {
    name: 'sub',
    build: ([x, y]) => x!.sub(y!),
    points: [
      [1, 2],
      [-3.5, 0.25],
      [0, -7],
    ],
  },
  {
    name: 'mul',
    build: ([x, y]) => x!.mul(y!),
    points: [
      [1, 2],
      [-3.5, 0.25],
      [0, -7],
    ],
  },
  {
    name: 'div',
    build: ([x, y]) => x!.div(y!),
    points: [
      [1, 2],
      [-3.5, 0.25],
      [0, -7],
    ],
  },
  { name: 'neg', build: ([x]) => x!.neg(), points: [[1], [-3.5], [0]] },
  ...[-2, -1, 0.5, 2, 3, 1.7].map((k) => ({
    name: `pow(${k})`,
    build: ([x]: readonly Value[]) => x!.pow(k),
    points: [[1.3], [0.2], [4]],
  })),
  {
    name: 'pow(Value)',
    build: ([x, y]) => x!.pow(y!),
    points: [
      [1.3, 2],
      [0.2, -1.5],
      [4, 0.5],
      [2.5, 0],
    ],
  },
  { name: 'exp', build: ([x]) => x!.exp(), points: [[1], [-3.5], [0]] },
  { name: 'log', build: ([x]) => x!.log(), points: [[1], [0.01], [250]] },
  { name: 'apply(tanh)', build: ([x]) => x!.apply(tanhFunction), points: [[1], [-0.3], [0]] },
  { name: 'apply(sin)', build: ([x]) => x!.apply(sine), points: [[1], [-2.5], [0]] },
  {
    name: 'sum',
    build: (xs) => sum(xs),
    points: [
      [1, 2, 3],
      [-0.5, 0, 8],
    ],
  },
  {
    name: 'sum with repeats',
    build: ([x, y]) => sum([x!, y!, x!]),
    points: [
      [1, 2],
      [-0.5, 3],
    ],
  },
  {
    name: 'dot',
    build: ([w0, w1, x0, x1]) => dot([w0!, w1!], [x0!, x1!]),
    points: [
      [1, 2, 3, 4],
      [-0.5, 0.25, 8, -2],
    ],
  },
  {
    name: 'dot with bias',
    build: ([w0, w1, x0, x1, b]) => dot([w0!, w1!], [x0!, x1!], b!),
    points: [
      [1, 2, 3, 4, 5],
      [-0.5, 0.25, 8, -2, 0.125],
    ],
  },
  {
    name: 'dot with a value on both sides',
    build: ([w, x]) => dot([w!, x!], [x!, x!]),
    points: [
      [1.5, -2],
      [0.3, 0.7],
    ],
  },
];

describe('every op against central differences', () => {
  for (const { name, build, points } of cases) {
    it.each(points)(`${name} at %s`, (...point: number[]) => {
      const leaves = point.map((x) => new Value(x));
      const out = build(leaves);
      out.backward();
      const f = (xs: readonly number[]) => build(xs.map((x) => new Value(x))).data;
      leaves.forEach((leaf, i) => {
        const numeric = centralDifference(f, point, i);
        // A relative error of 1e-6 is well above the difference quotient's own (about 1e-9 here).
        expect(
          gradientsAgree(leaf.grad, numeric, 1e-6, 1e-9),
          `d/dx${i}: ${leaf.grad} vs ${numeric}`,
        ).toBe(true);
      });
    });
  }

  it('scales every rule by the incoming gradient (op inside a product)', () => {
    for (const { name, build, points } of cases) {
      const point = points[0]!;
      const leaves = point.map((x) => new Value(x));
      build(leaves).mul(-3).backward();
      const alone = point.map((x) => new Value(x));
      build(alone).backward();
      leaves.forEach((leaf, i) => {
        expect(leaf.grad, `${name} d/dx${i}`).toBeCloseTo(-3 * alone[i]!.grad, 12);
      });
    }
  });
});

describe('edge conventions (PyTorch)', () => {
  const grads = (x: number, y: number) => {
    const base = new Value(x);
    const exponent = new Value(y);
    const out = base.pow(exponent);
    out.backward();
    return { data: out.data, base: base.grad, exponent: exponent.grad };
  };

  it('d(x^y)/dy is 0 at x = 0 for y >= 0', () => {
    expect(grads(0, 2)).toEqual({ data: 0, base: 0, exponent: 0 });
    expect(grads(0, 0.5).exponent).toBe(0);
    expect(grads(0, 0)).toEqual({ data: 1, base: 0, exponent: 0 });
  });

  it('d(x^y)/dy at x = 0 for y < 0 is x^y·ln x = Infinity·(-Infinity)', () => {
    const g = grads(0, -1);
    expect(g.data).toBe(Infinity);
    expect(g.exponent).toBe(-Infinity);
  });

  it('d(x^y)/dy is NaN where x < 0, even where x^y itself is defined', () => {
    expect(Number.isNaN(grads(-2, 2).exponent)).toBe(true);
    expect(grads(-2, 2).data).toBe(4);
    expect(grads(-2, 2).base).toBe(-4); // 2·(-2)^1 is still defined
    expect(Number.isNaN(grads(-2, 0.5).data)).toBe(true);
    expect(Number.isNaN(grads(-2, 0.5).exponent)).toBe(true);
  });

  it('d(x^y)/dx is 0 where y = 0 (Value exponent), even at x = 0', () => {
    expect(grads(0, 0).base).toBe(0);
    expect(grads(-3, 0).base).toBe(0);
  });

  it('d(x^y)/dy elsewhere is x^y·ln x', () => {
    expect(grads(2, 3).exponent).toBeCloseTo(8 * Math.log(2), 14);
    expect(grads(0.5, -1).exponent).toBeCloseTo(2 * Math.log(0.5), 14);
  });

  it('pow(number) with exponent 0 has gradient 0 everywhere, including x = 0', () => {
    for (const x of [0, -0, 2, -3]) {
      const v = new Value(x);
      const out = v.pow(0);
      out.backward();
      expect(out.data).toBe(1);
      expect(v.grad).toBe(0);
    }
  });

  it('pow(number) with a negative exponent at 0 gives an infinite value and gradient', () => {
    const v = new Value(0);
    const out = v.pow(-1);
    out.backward();
    expect(out.data).toBe(Infinity);
    expect(v.grad).toBe(-Infinity); // -1 · 0^-2
  });

  it('log(0) = -Infinity with gradient +Infinity; log(-1) = NaN with gradient 1/x = -1', () => {
    const zero = new Value(0);
    const atZero = zero.log();
    atZero.backward();
    expect(atZero.data).toBe(-Infinity);
    expect(zero.grad).toBe(Infinity);
    const minusOne = new Value(-1);
    const negative = minusOne.log();
    negative.backward();
    expect(Number.isNaN(negative.data)).toBe(true);
    expect(minusOne.grad).toBe(-1); // PyTorch: grad / self
  });

  it('division by 0 gives ±Infinity or NaN, not an exception', () => {
    const x = new Value(1);
    const y = new Value(0);
    const out = x.div(y);
    out.backward();
    expect(out.data).toBe(Infinity);
    expect(x.grad).toBe(Infinity);
    expect(y.grad).toBe(-Infinity);
    expect(Number.isNaN(new Value(0).div(0).data)).toBe(true);
  });

  it('exp overflows to Infinity', () => {
    const x = new Value(1000);
    const out = x.exp();
    out.backward();
    expect(out.data).toBe(Infinity);
    expect(x.grad).toBe(Infinity);
  });
});

describe('NaN propagation', () => {
  /** A NaN made inside the graph (constructors reject NaN, ops may produce it). */
  const nan = () => new Value(-1).log();

  // Third column: whether the other operand's gradient is NaN by the op's rule (PyTorch's too):
  // it is where its local derivative involves the NaN operand (x·n, x/n, ...), not for x + n.
  it.each([
    ['add', (n: Value, x: Value) => n.add(x), false],
    ['sub', (n: Value, x: Value) => x.sub(n), false],
    ['mul', (n: Value, x: Value) => n.mul(x), true],
    ['div by NaN', (n: Value, x: Value) => x.div(n), true],
    ['div of NaN', (n: Value, x: Value) => n.div(x), true],
    ['neg', (n: Value) => n.neg(), null],
    ['pow(number)', (n: Value) => n.pow(2), null],
    ['pow(Value) base', (n: Value, x: Value) => n.pow(x), true],
    ['pow(Value) exponent', (n: Value, x: Value) => x.pow(n), true],
    ['exp', (n: Value) => n.exp(), null],
    ['log', (n: Value) => n.log(), null],
    ['apply', (n: Value) => n.apply(tanhFunction), null],
    ['sum', (n: Value, x: Value) => sum([x, n, x]), false],
    ['dot weight', (n: Value, x: Value) => dot([n, x], [x, x]), true],
    ['dot input', (n: Value, x: Value) => dot([x, x], [x, n]), true],
    ['dot bias', (n: Value, x: Value) => dot([x], [x], n), false],
  ] as const)('%s: a NaN operand gives a NaN result', (_name, op, otherGradIsNaN) => {
    const n = nan();
    const x = new Value(1.5);
    const out = op(n, x);
    out.backward();
    expect(Number.isNaN(out.data)).toBe(true);
    if (otherGradIsNaN !== null) expect(Number.isNaN(x.grad)).toBe(otherGradIsNaN);
    // Downstream of the NaN, every gradient through a product is NaN.
    const y = new Value(2);
    const z = op(n, x).mul(y);
    z.backward();
    expect(Number.isNaN(y.grad)).toBe(true);
  });

  it('a NaN leaf set by the user propagates the same way', () => {
    const x = new Value(1);
    x.data = Number.NaN;
    const y = new Value(2);
    const out = x.mul(y).add(3);
    out.backward();
    expect(Number.isNaN(out.data)).toBe(true);
    expect(Number.isNaN(y.grad)).toBe(true);
  });

  it('a NaN gradient reaching x^y at x = 0 stays NaN for y, as PyTorch computes grad·0', () => {
    const x = new Value(0);
    const y = new Value(2);
    const out = x.pow(y).mul(nan());
    out.backward();
    expect(Number.isNaN(y.grad)).toBe(true);
  });
});
