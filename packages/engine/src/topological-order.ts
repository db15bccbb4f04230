import { operand } from './operands';
import type { Value } from './value';

/** Incremented by every walk; a node whose `stamp` equals it has been seen in the current walk. */
let walk = 0;

/**
 * Every node `root` depends on, operands before the nodes that use them (depth-first post-order,
 * operands in `operand` order). Iterative, with an explicit stack, so a chain of a million nodes
 * cannot overflow the call stack; visit stamps instead of a `Set` keep it allocation-light.
 */
export function topologicalOrder(root: Value): Value[] {
  const mark = ++walk;
  const order: Value[] = [];
  const stack: Value[] = [root];
  const nextOperand: number[] = [0];
  root.stamp = mark;
  while (stack.length > 0) {
    const top = stack.length - 1;
    const v = stack[top]!;
    const child = operand(v, nextOperand[top]!);
    if (child === null) {
      stack.pop();
      nextOperand.pop();
      order.push(v);
    } else {
      nextOperand[top]!++;
      if (child.stamp !== mark) {
        child.stamp = mark;
        stack.push(child);
        nextOperand.push(0);
      }
    }
  }
  return order;
}
