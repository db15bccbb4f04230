import { InvalidArgumentError } from './errors';
import { Op } from './op-codes';
import { operand } from './operands';
import { Value } from './value';

/** Incremented by every walk; a node whose `stamp` equals it has been seen in the current walk. */
let walk = 0;

/**
 * Every node `root` depends on, operands before the nodes that use them: a depth-first post-order
 * that visits each node's operands in `operand` order.
 */
export function topologicalOrder(root: Value): Value[] {
  if (!(root instanceof Value)) {
    throw new InvalidArgumentError({
      argument: 'root',
      method: 'topologicalOrder',
      expected: 'a Value',
      received: root,
    });
  }
  return postOrder(root, true);
}

/**
 * The walk behind {@link topologicalOrder}. `backward()` leaves the leaves out, since they have
 * nothing to propagate; interior nodes come in the same order either way. Iterative, with an
 * explicit stack, so a chain of a million nodes cannot overflow the call stack; visit stamps
 * instead of a `Set` keep it allocation-light.
 * @internal
 */
export function postOrder(root: Value, includeLeaves: boolean): Value[] {
  const mark = ++walk;
  const order: Value[] = [];
  const stack: Value[] = [root];
  const nextOperand: number[] = [0];
  root.stamp = mark;
  while (stack.length > 0) {
    const top = stack.length - 1;
    const v = stack[top]!;
    let k = nextOperand[top]!;
    let child = operand(v, k);
    // Place seen operands and leaves in one sweep (leaves have nothing to visit first);
    // stop at the first new interior operand, which must be walked before `v`.
    while (child !== null) {
      k++;
      if (child.stamp !== mark) {
        child.stamp = mark;
        if (child.op !== Op.leaf) break;
        if (includeLeaves) order.push(child);
      }
      child = operand(v, k);
    }
    if (child === null) {
      stack.pop();
      nextOperand.pop();
      if (includeLeaves || v.op !== Op.leaf) order.push(v);
    } else {
      nextOperand[top] = k;
      stack.push(child);
      nextOperand.push(0);
    }
  }
  return order;
}
