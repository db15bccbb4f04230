import { Op } from './op-codes';
import type { Value } from './value';

/**
 * The chain rule for one node: adds its gradient, times each local derivative, into its operands'
 * `grad` (`+=`, so a value used twice receives both contributions). One line per op; each rule
 * is written in the same order of floating-point operations as PyTorch's, and the compiled
 * tape repeats them exactly.
 */
export function propagate(v: Value): void {
  const g = v.grad;
  const a = v.a!;
  switch (v.op) {
    case Op.leaf:
      return;
    case Op.add:
      a.grad += g;
      v.b!.grad += g;
      return;
    case Op.sub:
      a.grad += g;
      v.b!.grad -= g;
      return;
    case Op.mul:
      a.grad += v.b!.data * g;
      v.b!.grad += a.data * g;
      return;
    case Op.div:
      a.grad += g / v.b!.data;
      v.b!.grad -= g * (v.data / v.b!.data);
      return;
    case Op.neg:
      a.grad -= g;
      return;
    case Op.powConst:
      // NOTE: x^0 has derivative 0 everywhere, even at x = 0 where 0·0^-1 would give NaN.
      a.grad += v.local === 0 ? 0 : v.local * a.data ** (v.local - 1) * g;
      return;
    case Op.pow: {
      const x = a.data;
      const y = v.b!.data;
      a.grad += y === 0 ? 0 : y * x ** (y - 1) * g;
      // NOTE: d(x^y)/dy = x^y·ln x; PyTorch defines it as 0 at x = 0, y >= 0 (ln 0 = -Infinity),
      // and still multiplies that 0 by g, so a NaN or infinite g gives NaN there.
      v.b!.grad += (x === 0 && y >= 0 ? 0 : v.data * Math.log(x)) * g;
      return;
    }
    case Op.log:
      a.grad += g / a.data;
      return;
    case Op.exp:
    case Op.unary:
      a.grad += v.local * g;
      return;
    case Op.sum:
      for (const t of v.terms!) t.grad += g;
      return;
    case Op.dot: {
      const w = v.terms!;
      const x = v.inputs!;
      for (let i = 0; i < w.length; i++) {
        w[i]!.grad += x[i]!.data * g;
        x[i]!.grad += w[i]!.data * g;
      }
      if (v.a !== null) v.a.grad += g;
      return;
    }
  }
}
