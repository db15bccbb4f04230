import { InvalidArgumentError } from './errors';
import { toGraph } from './to-graph';
import { Value } from './value';

/**
 * The graph behind `root` in Graphviz DOT, one record per node (`label | data | grad`) and an
 * edge from each operand to its op; render with `dot -Tsvg`. Meant for small graphs.
 */
export function toDot(root: Value): string {
  if (!(root instanceof Value)) {
    throw new InvalidArgumentError({
      argument: 'root',
      method: 'toDot',
      expected: 'a Value',
      received: root,
    });
  }
  const { nodes, edges } = toGraph(root);
  const lines = ['digraph G {', '  rankdir=LR;', '  node [shape=record];'];
  const into = new Map<number, number[]>();
  for (const [from, to] of edges) into.set(to, [...(into.get(to) ?? []), from]);
  for (const node of nodes) {
    lines.push(
      `  n${node.index} [label="{ ${escapeRecord(node.label)} | data ${format(node.data)} | grad ${format(node.grad)} }"];`,
    );
    for (const from of into.get(node.index) ?? []) lines.push(`  n${from} -> n${node.index};`);
  }
  lines.push('}');
  return lines.join('\n');
}

function format(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toPrecision(4);
}

function escapeRecord(text: string): string {
  return text.replace(/["{}|<>\\]/g, (c) => `\\${c}`);
}
