import { InvalidArgumentError } from './errors';
import { Op } from './op-codes';
import { operand } from './operands';
import { Value } from './value';
import { newMark } from './visit-marks';

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
  return postOrder(root);
}

/**
 * The walk behind {@link topologicalOrder}. Iterative, with an explicit stack, so a chain of a
 * million nodes cannot overflow the call stack; visit stamps instead of a `Set` keep it
 * allocation-light.
 */
function postOrder(root: Value): Value[] {
  const mark = newMark();
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
        order.push(child);
      }
      child = operand(v, k);
    }
    if (child === null) {
      stack.pop();
      nextOperand.pop();
      order.push(v);
    } else {
      nextOperand[top] = k;
      stack.push(child);
      nextOperand.push(0);
    }
  }
  return order;
}
