import { describe, expect, it } from 'vitest';
import { compile } from './compile';
import { flattenGraph, nodeNumber } from './flat-graph';
import { dot, sum } from './n-ary';
import { Op } from './op-codes';
import { topologicalOrder } from './topological-order';
import { Value } from './value';

describe('flattenGraph', () => {
  it('numbers every node once, in creation order, a node used twice once', () => {
    const [a, b, c] = [1, 2, 3].map((t) => new Value(t));
    const square = a!.mul(a!);
    const d = dot([b!, c!], [square, a!], b!);
    const root = sum([d, square]);
    const graph = flattenGraph(root);
    expect(graph.nodes).toEqual([a, b, c, square, d, root]);
    expect(graph.leafCount).toBe(3);
    expect(Array.from(graph.interior)).toEqual([3, 4, 5]);
    for (const [i, v] of graph.nodes.entries()) {
      expect(nodeNumber(graph, v)).toBe(i);
      expect(graph.ops[i]).toBe(v.op);
    }
  });

  it('lists a leaf on its own', () => {
    const x = new Value(4);
    const graph = flattenGraph(x);
    expect(graph.nodes).toEqual([x]);
    expect(graph.leafCount).toBe(1);
    expect(graph.interior).toHaveLength(0);
    expect(nodeNumber(graph, x)).toBe(0);
  });

  it('lists the nodes as topologicalOrder sorted by id', () => {
    const x = new Value(0.5);
    let v = x;
    for (let k = 0; k < 50; k++) v = k % 3 === 0 ? v.mul(x).add(new Value(k)) : v.apply(tanh);
    const graph = flattenGraph(v);
    const expected = topologicalOrder(v).sort((p, q) => p.id - q.id);
    expect(graph.nodes).toEqual(expected);
    expect(graph.leafCount).toBe(expected.filter((node) => node.op === Op.leaf).length);
  });

  it('sorts when the ids are spread far apart (the fallback to placing by id)', () => {
    const a = new Value(1);
    for (let k = 0; k < 100; k++) new Value(k); // ids the graph skips
    const b = new Value(2);
    const total = b.add(a);
    const root = total.mul(a);
    const graph = flattenGraph(root);
    expect(graph.nodes).toEqual([a, b, total, root]);
    expect(Array.from(graph.interior)).toEqual([2, 3]);
  });

  it('numbers a graph afresh whatever stamps an earlier compile or walk left', () => {
    const [a, b] = [new Value(1), new Value(2)];
    const shared = a.mul(b);
    const first = shared.add(a);
    compile(first);
    // The second graph shares nodes whose stamps hold their numbers in the first.
    const c = new Value(3);
    const second = sum([b, shared, c]);
    const graph = flattenGraph(second);
    expect(new Set(graph.nodes)).toEqual(new Set([a, b, c, shared, second]));
    expect(graph.nodes).toHaveLength(5);
    for (const v of graph.nodes) expect(graph.nodes[nodeNumber(graph, v)]).toBe(v);
    expect(nodeNumber(graph, first)).toBe(-1);
  });
});

const tanh = { name: 'tanh', forward: Math.tanh, derivative: (_x: number, y: number) => 1 - y * y };
