import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sum } from './n-ary';
import { Op } from './op-codes';
import { centralDifference, gradientsAgree } from './testing/finite-difference';
import { buildProgram, makeLeaves, programArbitrary } from './testing/random-program';
import { topologicalOrder } from './topological-order';
import { Value } from './value';

describe('fast-check properties over random expression graphs', () => {
  it('every leaf gradient equals the central finite difference', () => {
    fc.assert(
      fc.property(programArbitrary({ smooth: true }), (program) => {
        const leaves = makeLeaves(program.leaves);
        const root = buildProgram(program, leaves, true);
        root.backward();
        // The difference quotient cannot beat cancellation: about ε·Σ|intermediate|/h. Allow
        // 100 times that (plus 1e-9 for the h²·f‴ truncation error near a zero gradient) as an absolute
        // floor, and a relative error of 1e-5 above it.
        let magnitude = 0;
        for (const v of topologicalOrder(root)) magnitude += Math.abs(v.data);
        const f = (xs: readonly number[]) => buildProgram(program, makeLeaves(xs), true).data;
        leaves.forEach((leaf, i) => {
          const numeric = centralDifference(f, program.leaves, i);
          if (!gradientsAgree(leaf.grad, numeric, 1e-5, 1e-8 * magnitude + 1e-9)) {
            throw new Error(`d/dx${i}: backward ${leaf.grad}, central difference ${numeric}`);
          }
        });
      }),
      { numRuns: 300 },
    );
  });

  it('x.mul(x) gives grad 2x, exactly', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const v = new Value(x);
        v.mul(v).backward();
        // x·1 + x·1 is exact, so equality holds to the bit (=== since ±0 both mean 0 here).
        expect(v.grad === 2 * x).toBe(true);
      }),
    );
  });

  it('a value reused k times in a sum receives k times its single-use gradient', () => {
    fc.assert(
      fc.property(
        programArbitrary({ smooth: true }),
        fc.integer({ min: 2, max: 5 }),
        (program, k) => {
          const single = makeLeaves(program.leaves);
          const alone = buildProgram(program, single, true);
          alone.backward();
          const leaves = makeLeaves(program.leaves);
          const r = buildProgram(program, leaves, true);
          const root = sum(Array.from({ length: k }, () => r));
          root.backward();
          expect(r.grad).toBe(k);
          // Where contributions cancel, only an absolute bound holds (see the next test).
          let magnitude = 0;
          for (const v of topologicalOrder(alone)) magnitude += Math.abs(v.grad);
          const absolute = 1e-12 * k * magnitude + 1e-300;
          leaves.forEach((leaf, i) => {
            expect(gradientsAgree(leaf.grad, k * single[i]!.grad, 1e-12, absolute)).toBe(true);
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a value used on both sides of a product receives both contributions: d(r·r) = 2r·dr', () => {
    fc.assert(
      fc.property(programArbitrary({ smooth: true }), (program) => {
        const leaves = makeLeaves(program.leaves);
        const r = buildProgram(program, leaves, true);
        r.mul(r).backward();
        const single = makeLeaves(program.leaves);
        const alone = buildProgram(program, single, true);
        alone.backward();
        // The two passes add the same contributions in different orders, so where they cancel
        // (a small gradient from large parts) only an absolute bound holds: 1e-12 of the largest
        // contribution, bounded by 2|r| times the sum of every node's gradient magnitude.
        let magnitude = 0;
        for (const v of topologicalOrder(alone)) magnitude += Math.abs(v.grad);
        const absolute = 1e-12 * Math.abs(2 * r.data) * magnitude + 1e-300;
        leaves.forEach((leaf, i) => {
          const expected = 2 * r.data * single[i]!.grad;
          expect(gradientsAgree(leaf.grad, expected, 1e-12, absolute)).toBe(true);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('backward is deterministic and a second pass after zeroing the leaves repeats the first', () => {
    fc.assert(
      fc.property(programArbitrary(), (program) => {
        const leaves = makeLeaves(program.leaves);
        const root = buildProgram(program, leaves, false);
        root.backward();
        const first = topologicalOrder(root).map((v) => v.grad);
        for (const leaf of leaves) leaf.grad = 0;
        root.backward();
        const second = topologicalOrder(root).map((v) => v.grad);
        // Constant leaves made from numbers were not zeroed: they hold twice their gradient.
        topologicalOrder(root).forEach((v, i) => {
          if (leaves.includes(v) || v.op !== Op.leaf)
            expect(Object.is(second[i], first[i])).toBe(true);
        });
      }),
    );
  });
});
