import { Value } from '@mg/engine';

/**
 * Workload C's graph: a leaf `x` and `nodes − 1` additions `v = v + x`, so `nodes` Values in one
 * chain as deep as it is long (a recursive backward pass would overflow the stack). `x` occurs
 * `nodes` times in the sum, so the root holds `nodes` and `root.backward()` gives `x.grad = nodes`.
 */
export function buildChain(nodes: number): { root: Value; leaf: Value } {
  const leaf = new Value(1, 'x');
  let root = leaf;
  for (let k = 1; k < nodes; k++) root = root.add(leaf);
  return { root, leaf };
}
