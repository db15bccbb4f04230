import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dot, sum } from './n-ary';
import { buildProgram, makeLeaves, programArbitrary } from './testing/random-program';
import { topologicalOrder } from './topological-order';
import { Value } from './value';

/** Makes `count` values nobody uses, so that the next node's id is far above the last one's. */
function makeUnrelated(count: number): void {
  for (let i = 0; i < count; i++) new Value(i);
}

/** Every node's gradient, in topological order. */
function gradientsOf(root: Value): number[] {
  return topologicalOrder(root).map((v) => v.grad);
}

describe('backward() serves nodes newest first', () => {
  it('gives every value an id above its operands’ ids', () => {
    const x = new Value(1);
    const y = x
      .mul(2)
      .add(x)
      .apply({ name: 'id', forward: (t) => t, derivative: () => 1 });
    const z = dot([x, y], [y, x], x);
    for (const v of topologicalOrder(sum([z, y]))) {
      for (const operand of [v.a, v.b, ...(v.terms ?? []), ...(v.inputs ?? [])]) {
        if (operand !== null) expect(operand.id).toBeLessThan(v.id);
      }
    }
  });

  it('handles a node made long before the root, beyond the buckets', { timeout: 120_000 }, () => {
    const x = new Value(3, 'x');
    const old = x.mul(x); // 9, d/dx = 2x
    makeUnrelated(200_000);
    const root = old.mul(old).add(old.exp().neg()); // x⁴ − e^(x²)
    root.backward();
    expect(root.data).toBe(81 - Math.exp(9));
    expect(old.grad).toBe(2 * 9 - Math.exp(9));
    expect(x.grad).toBe((2 * 9 - Math.exp(9)) * 3 + (2 * 9 - Math.exp(9)) * 3);
  });

  it('handles several old nodes of different ages, merged with recent ones in id order', () => {
    const x = new Value(0.5, 'x');
    const a = x.mul(3);
    makeUnrelated(50_000);
    const b = a.add(x);
    makeUnrelated(5_000);
    const c = b.mul(a);
    makeUnrelated(100_000);
    const root = sum([c, b.exp(), a.mul(c)]);
    root.backward();
    // root = (4x)(3x) + e^(4x) + (3x)(12x²) = 12x² + e^(4x) + 36x³
    const expected = 24 * 0.5 + 4 * Math.exp(2) + 108 * 0.25;
    expect(x.grad).toBeCloseTo(expected, 12);
  });

  it('serves an old node queued early before an older one queued late', () => {
    // `first` is reached at once, while few nodes are known: too far for the buckets. `older`
    // is reached at the end of a long chain, when the buckets reach further: it lands in one.
    // It must still wait for `first`, which uses it.
    const x = new Value(0.5, 'x');
    const older = x.mul(x);
    const first = older.mul(3);
    makeUnrelated(1_500);
    let chain = older.add(1);
    for (let i = 0; i < 300; i++) chain = chain.mul(1);
    const root = first.add(chain); // 3x² + x² + 1
    root.backward();
    expect(older.grad).toBe(4);
    expect(x.grad).toBe(4);
  });

  it('gives the same numbers, bit for bit, however far apart the nodes were made', () => {
    fc.assert(
      fc.property(
        programArbitrary(),
        fc.array(fc.constantFrom(0, 0, 1, 7, 900, 3_000, 20_000), { minLength: 40, maxLength: 40 }),
        (program, gaps) => {
          const close = makeLeaves(program.leaves);
          const closeRoot = buildProgram(program, close, false);
          closeRoot.backward();
          const far = makeLeaves(program.leaves);
          const farRoot = buildProgram(program, far, false, (i) => makeUnrelated(gaps[i % 40]!));
          farRoot.backward();
          const expected = [...gradientsOf(closeRoot), ...close.map((v) => v.grad)];
          const actual = [...gradientsOf(farRoot), ...far.map((v) => v.grad)];
          expect(actual.every((g, i) => Object.is(g, expected[i]))).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });
});
