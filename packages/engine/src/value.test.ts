import { describe, expect, it } from 'vitest';
import { Op } from './op-codes';
import { reluFunction as relu } from './testing/random-program';
import { Value } from './value';

/** Absolute tolerance for the PyTorch reference numbers, as the issue asks. */
const tolerance = 1e-12;

describe('reference expressions (micrograd test_engine.py; numbers from PyTorch float64)', () => {
  it('test_sanity_check: y = -20, x.grad = 46', () => {
    const x = new Value(-4);
    const z = x.mul(2).add(2).add(x);
    const q = z.apply(relu).add(z.mul(x));
    const h = z.mul(z).apply(relu);
    const y = h.add(q).add(q.mul(x));
    y.backward();
    expect(Math.abs(y.data - -20)).toBeLessThan(tolerance);
    expect(Math.abs(x.grad - 46)).toBeLessThan(tolerance);
  });

  it('test_more_ops: g = 24.70408163265306, a.grad = 138.83…, b.grad = 645.57…', () => {
    const a = new Value(-4);
    const b = new Value(2);
    let c = a.add(b);
    let d = a.mul(b).add(b.pow(3));
    // micrograd's `c += expr` rebinds c to a new node c + expr.
    c = c.add(c.add(1));
    c = c.add(c.add(1).add(a.neg()));
    d = d.add(d.mul(2).add(b.add(a).apply(relu)));
    d = d.add(d.mul(3).add(b.sub(a).apply(relu)));
    const e = c.sub(d);
    const f = e.pow(2);
    let g = f.div(2);
    g = g.add(new Value(10).div(f));
    g.backward();
    expect(Math.abs(g.data - 24.70408163265306)).toBeLessThan(tolerance);
    expect(Math.abs(a.grad - 138.83381924198252)).toBeLessThan(tolerance);
    expect(Math.abs(b.grad - 645.5772594752186)).toBeLessThan(tolerance);
    // The gradient rules repeat PyTorch's order of operations, so the match is in fact exact.
    expect([g.data, a.grad, b.grad]).toEqual([
      24.70408163265306, 138.83381924198252, 645.5772594752186,
    ]);
  });
});

describe('new Value', () => {
  it('makes a leaf with grad 0 and an optional label', () => {
    const v = new Value(2.5, 'w');
    expect(v.data).toBe(2.5);
    expect(v.grad).toBe(0);
    expect(v.op).toBe(Op.leaf);
    expect(v.a).toBeNull();
    expect(v.b).toBeNull();
    expect(v.terms).toBeNull();
    expect(v.inputs).toBeNull();
    expect(v.fn).toBeNull();
    expect(v.label).toBe('w');
    expect(new Value(1).label).toBe('');
  });

  it('lets the user read and set data and grad, as in micrograd', () => {
    const v = new Value(1);
    v.data = 3;
    v.grad = 0.5;
    expect(v.toString()).toBe('Value(data=3, grad=0.5)');
  });

  it('accepts -0 and the extremes of the finite range', () => {
    expect(Object.is(new Value(-0).data, -0)).toBe(true);
    expect(new Value(Number.MAX_VALUE).data).toBe(Number.MAX_VALUE);
    expect(new Value(Number.MIN_VALUE).data).toBe(Number.MIN_VALUE);
  });
});

describe('forward values', () => {
  const x = new Value(1.5);
  const y = new Value(-0.25);
  // Expected numbers are JavaScript's own IEEE-754 arithmetic on the same inputs.
  it.each([
    ['add', () => x.add(y), 1.5 + -0.25, Op.add],
    ['sub', () => x.sub(y), 1.5 - -0.25, Op.sub],
    ['mul', () => x.mul(y), 1.5 * -0.25, Op.mul],
    ['div', () => x.div(y), 1.5 / -0.25, Op.div],
    ['neg', () => x.neg(), -1.5, Op.neg],
    ['pow number', () => x.pow(3), 1.5 ** 3, Op.powConst],
    ['pow Value', () => x.pow(y), 1.5 ** -0.25, Op.pow],
    ['exp', () => x.exp(), Math.exp(1.5), Op.exp],
    ['log', () => x.log(), Math.log(1.5), Op.log],
    ['apply', () => y.apply(relu), 0, Op.unary],
  ] as const)('%s', (_name, make, expected, op) => {
    const out = make();
    expect(out.data).toBe(expected);
    expect(out.op).toBe(op);
    expect(out.grad).toBe(0);
  });

  it('leaves its operands unchanged and links them as a and b', () => {
    const out = x.sub(y);
    expect(out.a).toBe(x);
    expect(out.b).toBe(y);
    expect(x.data).toBe(1.5);
    expect(y.data).toBe(-0.25);
  });

  it('labels an apply node with the function name and keeps the function', () => {
    const out = x.apply(relu);
    expect(out.label).toBe('relu');
    expect(out.fn).toBe(relu);
    expect(out.a).toBe(x);
  });

  it('passes x and f(x) to the derivative of an applied function', () => {
    const calls: [number, number][] = [];
    const square = {
      name: 'square',
      forward: (t: number) => t * t,
      derivative: (t: number, s: number) => {
        calls.push([t, s]);
        return 2 * t;
      },
    };
    const v = new Value(3);
    const out = v.apply(square);
    out.backward();
    expect(calls).toEqual([[3, 9]]);
    expect(out.data).toBe(9);
    expect(v.grad).toBe(6);
  });
});

describe('number coercion', () => {
  // Each binary op with a number on the right must equal the op with that number as a Value.
  const ops = ['add', 'sub', 'mul', 'div', 'pow'] as const;
  it.each(ops)('%s lifts a number to a constant leaf', (op) => {
    const x1 = new Value(1.7);
    const viaNumber = x1[op](-2.5);
    const x2 = new Value(1.7);
    const constant = new Value(-2.5);
    const viaValue = op === 'pow' ? x2.pow(-2.5) : x2[op](constant);
    viaNumber.backward();
    viaValue.backward();
    expect(viaNumber.data).toBe(viaValue.data);
    expect(x1.grad).toBe(x2.grad);
  });

  // d(out)/d(constant) at x = 1.7, constant = -2.5, by hand.
  it.each([
    ['add', 1],
    ['sub', -1],
    ['mul', 1.7],
    ['div', -(1 / -2.5) * (1.7 / -2.5)],
  ] as const)('%s: the lifted constant is the b operand and receives its gradient', (op, grad) => {
    const x = new Value(1.7);
    const out = x[op](-2.5);
    out.backward();
    const constant = out.b!;
    expect(constant.op).toBe(Op.leaf);
    expect(constant.data).toBe(-2.5);
    expect(constant.grad).toBeCloseTo(grad, 14);
  });

  it('a number on the left is written as a Value: 10 / f as new Value(10).div(f)', () => {
    const f = new Value(4);
    const out = new Value(10).div(f);
    out.backward();
    expect(out.data).toBe(2.5);
    expect(f.grad).toBe(-10 / 16);
  });
});

describe('backward()', () => {
  it('seeds the root with 1 and fills every node it depends on', () => {
    const a = new Value(2);
    const b = new Value(3);
    const c = a.mul(b);
    const d = c.add(a);
    d.backward();
    expect(d.grad).toBe(1);
    expect(c.grad).toBe(1);
    expect(a.grad).toBe(4); // b + 1
    expect(b.grad).toBe(2);
  });

  it('accumulates where a value is used twice (x*x gives 2x, x+x gives 2)', () => {
    const x = new Value(-3);
    x.mul(x).backward();
    expect(x.grad).toBe(-6);
    const z = new Value(5);
    z.add(z).backward();
    expect(z.grad).toBe(2);
  });

  it('leaves nodes outside the graph untouched', () => {
    const a = new Value(1);
    const unrelated = new Value(7);
    unrelated.grad = 0.5;
    a.exp().backward();
    expect(unrelated.grad).toBe(0.5);
  });

  it('on a leaf root gives grad 1', () => {
    const x = new Value(4);
    x.backward();
    expect(x.grad).toBe(1);
  });

  describe('repeated calls', () => {
    // Semantics documented on Value.backward: leaves accumulate (like PyTorch's .grad), interior
    // nodes are reset first so they hold the latest pass only.
    it('leaves accumulate across calls', () => {
      const x = new Value(3);
      const y = x.mul(x).add(x); // dy/dx = 2x + 1 = 7
      y.backward();
      expect(x.grad).toBe(7);
      y.backward();
      expect(x.grad).toBe(14);
      y.backward();
      expect(x.grad).toBe(21);
    });

    it('interior nodes hold the latest pass, not the sum', () => {
      const x = new Value(3);
      const square = x.mul(x);
      const y = square.mul(2);
      y.backward();
      expect(square.grad).toBe(2);
      y.backward();
      expect(square.grad).toBe(2);
      expect(y.grad).toBe(1);
      expect(x.grad).toBe(24); // 2 · (2 · 2x)
    });

    it('a leaf root accumulates its seed too', () => {
      const x = new Value(1);
      x.backward();
      x.backward();
      expect(x.grad).toBe(2);
    });

    it('after zeroing the leaves a second call repeats the first exactly', () => {
      const x = new Value(0.3);
      const y = new Value(-1.1);
      const out = x.mul(y).exp().add(y.pow(3)).div(x.add(2));
      out.backward();
      const first = [x.grad, y.grad];
      x.grad = 0;
      y.grad = 0;
      out.backward();
      expect([x.grad, y.grad]).toEqual(first);
    });

    it('a second root sharing nodes resets only its own interior nodes', () => {
      const x = new Value(2);
      const shared = x.mul(3);
      const first = shared.mul(shared); // d/dshared = 2 · shared = 12
      const second = shared.add(1);
      first.backward();
      expect(shared.grad).toBe(12);
      expect(x.grad).toBe(36);
      second.backward();
      expect(shared.grad).toBe(1); // reset, then the second pass
      expect(x.grad).toBe(39); // the leaf accumulated both
      expect(first.grad).toBe(1); // not part of the second graph
    });
  });
});

describe('toString', () => {
  it('prints data and grad like micrograd', () => {
    const x = new Value(-4);
    const y = x.mul(x);
    y.backward();
    expect(x.toString()).toBe('Value(data=-4, grad=-8)');
    expect(`${y}`).toBe('Value(data=16, grad=1)');
  });

  it('prints NaN and Infinity as JavaScript does', () => {
    expect(new Value(-1).log().toString()).toBe('Value(data=NaN, grad=0)');
    expect(new Value(0).log().toString()).toBe('Value(data=-Infinity, grad=0)');
  });
});

describe('backward(seed)', () => {
  it('starts from the seed: every gradient scales with it, leaves included', () => {
    const x = new Value(1.5);
    const y = x.mul(x).add(x.exp());
    y.backward();
    const one = x.grad;
    x.grad = 0;
    y.backward(0.25);
    expect(x.grad).toBe(0.25 * one);
    const leaf = new Value(2);
    leaf.backward(3);
    expect(leaf.grad).toBe(3);
  });

  it('rejects a seed that is not a finite number', () => {
    const y = new Value(1).mul(2);
    expect(() => y.backward(Number.NaN)).toThrow(
      "Argument 'seed' passed to 'Value.backward' must be a finite number, but got number NaN",
    );
    expect(() => y.backward('1' as never)).toThrow(/seed.*string '1'/);
  });
});
