import { describe, expect, it } from 'vitest';
import { dot, sum } from './n-ary';
import { Op } from './op-codes';
import { topologicalOrder } from './topological-order';
import { Value } from './value';

/** Every operand of every node comes before it, and every node appears once. */
function expectTopological(order: readonly Value[]): void {
  const position = new Map(order.map((v, i) => [v, i]));
  expect(position.size).toBe(order.length);
  for (const [i, v] of order.entries()) {
    const operands = [v.a, v.b, ...(v.terms ?? []), ...(v.inputs ?? [])].filter((o) => o !== null);
    for (const o of operands) expect(position.get(o!)).toBeLessThan(i);
  }
}

describe('topologicalOrder', () => {
  it('lists operands before the nodes that use them, each node once, root last', () => {
    const x = new Value(1, 'x');
    const y = new Value(2, 'y');
    const shared = x.mul(y);
    const root = shared.add(shared.exp()).add(sum([x, shared, y]));
    const order = topologicalOrder(root);
    expectTopological(order);
    expect(order.at(-1)).toBe(root);
    expect(order).toContain(x);
    expect(order.filter((v) => v === shared)).toHaveLength(1);
    expect(order).toHaveLength(7); // x, y, shared, exp, +, sum, root
  });

  it('visits a dot node’s weights, then inputs, then bias', () => {
    const [w0, w1, x0, x1, b] = ['w0', 'w1', 'x0', 'x1', 'b'].map((l) => new Value(1, l));
    const order = topologicalOrder(dot([w0!, w1!], [x0!, x1!], b!));
    expect(order.map((v) => v.label)).toEqual(['w0', 'w1', 'x0', 'x1', 'b', '']);
  });

  it('of a leaf is the leaf', () => {
    const x = new Value(1);
    expect(topologicalOrder(x)).toEqual([x]);
  });

  it('gives the same order on every walk, and walks of overlapping graphs do not interfere', () => {
    const x = new Value(1);
    const a = x.mul(2);
    const b = a.add(x);
    const first = topologicalOrder(b);
    const other = topologicalOrder(a.exp());
    expect(topologicalOrder(b)).toEqual(first);
    expect(other).toEqual([x, a.b, a, other.at(-1)]);
    expect(a.b!.op).toBe(Op.leaf);
  });
});

// About a second each alone; a busy machine can make that a minute (the suite's default).
describe('a chain of 1,000,000 nodes', { timeout: 300_000 }, () => {
  const length = 1_000_000;

  /** x + step + step + … (a million additions), backpropagated; returns only numbers. */
  function backpropagateChain(): { data: number; x: number; step: number } {
    const x = new Value(1);
    const step = new Value(0.5);
    let v = x;
    for (let i = 0; i < length; i++) v = v.add(step);
    v.backward();
    return { data: v.data, x: x.grad, step: step.grad };
  }

  it('backpropagates without a stack overflow', () => {
    expect(backpropagateChain()).toEqual({ data: 1 + length * 0.5, x: 1, step: length });
  });

  it('walks a chain of nested n-ary and unary nodes too', () => {
    const x = new Value(0.5);
    let v = x;
    for (let i = 0; i < length / 4; i++) {
      v =
        i % 2 === 0
          ? sum([v])
          : dot([v], [1]).apply({ name: 'id', forward: (t) => t, derivative: () => 1 });
    }
    v.backward();
    expect(x.grad).toBe(1);
    expect(topologicalOrder(v)).toHaveLength(1 + (length / 4 / 2) * 4);
  });

  const gc = (globalThis as { gc?: () => void }).gc;
  it.skipIf(gc === undefined)('frees its memory once the graph is unreachable', () => {
    const heap = () => {
      gc!();
      gc!();
      return process.memoryUsage().heapUsed;
    };
    const before = heap();
    // While the graph is reachable it holds tens of megabytes, so the bound below is meaningful.
    const x = new Value(1);
    let v = x;
    for (let i = 0; i < length; i++) v = v.add(x);
    v.backward();
    const alive = heap() - before;
    expect(v.data).toBe(length + 1);
    v = x;
    const afterwards = heap() - before;
    backpropagateChain();
    const afterSecond = heap() - before;
    expect(alive).toBeGreaterThan(40e6);
    expect(afterwards).toBeLessThan(8e6);
    expect(afterSecond).toBeLessThan(8e6);
  });
});
