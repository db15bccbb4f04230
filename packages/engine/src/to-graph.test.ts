import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from './errors';
import { dot } from './n-ary';
import { tanhFunction } from './testing/random-program';
import { toGraph } from './to-graph';
import { Value } from './value';

describe('toGraph', () => {
  it('lists every node after its operands with label, op, data and grad, and one edge per operand', () => {
    const x = new Value(2, 'x');
    const y = new Value(-3, 'y');
    const product = x.mul(y);
    const root = product.add(x).apply(tanhFunction);
    root.backward();
    const { nodes, edges } = toGraph(root);
    expect(nodes.map((n) => n.index)).toEqual(nodes.map((_, i) => i));
    expect(nodes.at(-1)!.value).toBe(root);
    const at = (v: Value) => nodes.findIndex((n) => n.value === v);
    expect(nodes[at(x)]).toMatchObject({ label: 'x', op: 'leaf', data: 2, grad: x.grad });
    expect(nodes[at(product)]).toMatchObject({ op: '*', data: -6, grad: product.grad });
    expect(nodes.at(-1)!.label).toBe('tanh');
    expect(edges).toHaveLength(5); // x→*, y→*, *→+, x→+, +→tanh
    expect(edges).toContainEqual([at(x), at(product)]);
    for (const [from, to] of edges) expect(from).toBeLessThan(to);
  });

  it('gives a dot node an edge per weight, input and bias, repeats included', () => {
    const v = new Value(3, 'v');
    expect(toGraph(dot([v, v], [v, v], v)).edges).toHaveLength(5);
  });

  it('rejects a root that is not a Value', () => {
    expect(() => toGraph(3 as never)).toThrow(InvalidArgumentError);
    expect(() => toGraph(3 as never)).toThrow("Argument 'root' passed to 'toGraph'");
  });
});
