import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sum } from './n-ary';
import { Op } from './op-codes';
import { centralDifference, gradientsAgree } from './testing/finite-difference';
import { buildProgram, makeLeaves, type Program, programArbitrary } from './testing/random-program';
import { topologicalOrder } from './topological-order';
import { Value } from './value';

/** Leaf gradients of a program's root after one backward pass. */
function gradients(program: Program, numbers: readonly number[], safe: boolean): number[] {
  const leaves = makeLeaves(numbers);
  buildProgram(program, leaves, safe).backward();
  return leaves.map((leaf) => leaf.grad);
}

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
          const once = gradients(program, program.leaves, true);
          const leaves = makeLeaves(program.leaves);
          const r = buildProgram(program, leaves, true);
          const root = sum(Array.from({ length: k }, () => r));
          root.backward();
          expect(r.grad).toBe(k);
          leaves.forEach((leaf, i) => {
            expect(gradientsAgree(leaf.grad, k * once[i]!, 1e-12, 1e-300)).toBe(true);
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
        const once = gradients(program, program.leaves, true);
        leaves.forEach((leaf, i) => {
          expect(gradientsAgree(leaf.grad, 2 * r.data * once[i]!, 1e-12, 1e-300)).toBe(true);
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
