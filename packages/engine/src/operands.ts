import { Op } from './op-codes';
import type { Value } from './value';

/**
 * The k-th operand of a node, or `null` past the last. The order is fixed: `a` then `b`; the terms
 * of a sum; a dot's weights, then its inputs, then its bias. Graph walks rely on it so that
 * every walk (and the compiled tape) sees the same order.
 */
export function operand(v: Value, k: number): Value | null {
  switch (v.op) {
    case Op.leaf:
      return null;
    case Op.sum:
      return v.terms![k] ?? null;
    case Op.dot: {
      const n = v.terms!.length;
      if (k < n) return v.terms![k]!;
      if (k < 2 * n) return v.inputs![k - n]!;
      return k === 2 * n ? v.a : null;
    }
    default:
      return k === 0 ? v.a : k === 1 ? v.b : null;
  }
}

/**
 * Calls `visit` on each operand of `v` in {@link operand}'s order, without `operand`'s per-index
 * dispatch: the graph walks of `compile` visit every operand of every node.
 */
export function forEachOperand(v: Value, visit: (operand: Value) => void): void {
  if (v.op === Op.leaf) return;
  if (v.op === Op.sum) {
    const terms = v.terms!;
    for (let k = 0; k < terms.length; k++) visit(terms[k]!);
  } else if (v.op === Op.dot) {
    const w = v.terms!;
    const x = v.inputs!;
    for (let k = 0; k < w.length; k++) visit(w[k]!);
    for (let k = 0; k < x.length; k++) visit(x[k]!);
    if (v.a !== null) visit(v.a);
  } else {
    visit(v.a!);
    if (v.b !== null) visit(v.b);
  }
}
