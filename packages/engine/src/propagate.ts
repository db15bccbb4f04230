import type { GradientQueue } from './gradient-queue';
import { Op } from './op-codes';
import type { Value } from './value';

/**
 * The chain rule for one node: adds its gradient, times each local derivative, into its operands'
 * `grad` (`+=`, so a value used twice receives both contributions). Each operand is first handed
 * to `queue.reach`, which resets and queues an interior node the first time the pass reaches it.
 * One case per op; each rule is written in the same order of floating-point operations as
 * PyTorch's, and the compiled tape repeats them exactly.
 */
export function propagate(v: Value, queue: GradientQueue): void {
  const g = v.grad;
  const a = v.a!;
  switch (v.op) {
    // NOTE: the hot cases first: V8 compiles this switch to comparisons in source order, and an
    // MLP's nodes are mostly dot and activation nodes.
    case Op.dot:
    case Op.neuron: {
      // A neuron node runs its activation's rule first, as `dot(…).apply(fn)` would: the dot
      // node's gradient would be 0 + local·g (the 0 turns a −0 into 0, as there).
      const gd = v.op === Op.neuron ? 0 + v.local * g : g;
      const w = v.terms!;
      const x = v.inputs!;
      const mark = queue.mark;
      // Read once: inside the loop V8 would load it from the `Op` object at every operand.
      const leaf = Op.leaf;
      for (let i = 0; i < w.length; i++) {
        const wi = w[i]!;
        const xi = x[i]!;
        if (wi.op !== leaf && wi.stamp !== mark) queue.join(wi);
        if (xi.op !== leaf && xi.stamp !== mark) queue.join(xi);
        wi.grad += xi.data * gd;
        xi.grad += wi.data * gd;
      }
      if (v.a !== null) {
        queue.reach(v.a);
        v.a.grad += gd;
      }
      return;
    }
    case Op.exp:
    case Op.unary:
      queue.reach(a);
      a.grad += v.local * g;
      return;
    case Op.leaf:
      return;
    case Op.add: {
      const b = v.b!;
      queue.reach(a);
      queue.reach(b);
      a.grad += g;
      b.grad += g;
      return;
    }
    case Op.sub: {
      const b = v.b!;
      queue.reach(a);
      queue.reach(b);
      a.grad += g;
      b.grad -= g;
      return;
    }
    case Op.mul: {
      const b = v.b!;
      queue.reach(a);
      queue.reach(b);
      a.grad += b.data * g;
      b.grad += a.data * g;
      return;
    }
    case Op.div: {
      const b = v.b!;
      queue.reach(a);
      queue.reach(b);
      a.grad += g / b.data;
      b.grad -= g * (v.data / b.data);
      return;
    }
    case Op.neg:
      queue.reach(a);
      a.grad -= g;
      return;
    case Op.powConst:
      queue.reach(a);
      // NOTE: x^0 has derivative 0 everywhere, even at x = 0 where 0·0^-1 would give NaN.
      a.grad += v.local === 0 ? 0 : v.local * a.data ** (v.local - 1) * g;
      return;
    case Op.pow: {
      const b = v.b!;
      queue.reach(a);
      queue.reach(b);
      const x = a.data;
      const y = b.data;
      a.grad += y === 0 ? 0 : y * x ** (y - 1) * g;
      // NOTE: d(x^y)/dy = x^y·ln x; PyTorch defines it as 0 at x = 0, y >= 0 (ln 0 = -Infinity),
      // and still multiplies that 0 by g, so a NaN or infinite g gives NaN there.
      b.grad += (x === 0 && y >= 0 ? 0 : v.data * Math.log(x)) * g;
      return;
    }
    case Op.log:
      queue.reach(a);
      a.grad += g / a.data;
      return;
    case Op.sum: {
      const terms = v.terms!;
      const mark = queue.mark;
      const leaf = Op.leaf;
      for (let i = 0; i < terms.length; i++) {
        const t = terms[i]!;
        if (t.op !== leaf && t.stamp !== mark) queue.join(t);
        t.grad += g;
      }
      return;
    }
  }
}
