import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from './errors';
import { dot, sum } from './n-ary';
import { Op } from './op-codes';
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
