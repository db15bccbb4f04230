import { InvalidArgumentError } from './errors';
import { opNames } from './op-codes';
import { operand } from './operands';
import { topologicalOrder } from './topological-order';
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
  const order = topologicalOrder(root);
  const id = new Map<Value, number>();
  for (const [i, v] of order.entries()) id.set(v, i);
  const lines = ['digraph G {', '  rankdir=LR;', '  node [shape=record];'];
  for (const v of order) {
    const name = v.label || opNames[v.op];
    lines.push(
      `  n${id.get(v)} [label="{ ${escapeRecord(name ?? '')} | data ${format(v.data)} | grad ${format(v.grad)} }"];`,
    );
    for (let k = 0, child = operand(v, 0); child !== null; child = operand(v, ++k)) {
      lines.push(`  n${id.get(child)} -> n${id.get(v)};`);
    }
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
