import { Op } from './op-codes';
import type { Value } from './value';

/**
 * The k-th operand of a node, or `null` past the last. The order is fixed: `a` then `b`; the terms
 * of a sum; a dot's or neuron's weights, then its inputs, then its bias. Graph walks rely on it so that
 * every walk (and the compiled tape) sees the same order.
 */
export function operand(v: Value, k: number): Value | null {
  switch (v.op) {
    case Op.leaf:
      return null;
    case Op.sum:
      return v.terms![k] ?? null;
    case Op.dot:
    case Op.neuron: {
      const n = v.terms!.length;
      if (k < n) return v.terms![k]!;
      if (k < 2 * n) return v.inputs![k - n]!;
      return k === 2 * n ? v.a : null;
    }
    default:
      return k === 0 ? v.a : k === 1 ? v.b : null;
  }
}
