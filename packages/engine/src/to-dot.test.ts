import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from './errors';
import { dot } from './n-ary';
import { tanhFunction } from './testing/random-program';
import { toDot } from './to-dot';
import { topologicalOrder } from './topological-order';
import { Value } from './value';

describe('toDot', () => {
  it('writes one record per node and one edge per operand', () => {
    const x = new Value(2, 'x');
    const y = new Value(-3, 'y');
    const root = x.mul(y).add(x).apply(tanhFunction);
    root.backward();
    const text = toDot(root);
    const lines = text.split('\n');
    expect(lines[0]).toBe('digraph G {');
    expect(lines.at(-1)).toBe('}');
    const nodes = lines.filter((l) => /^ {2}n\d+ \[label=/.test(l));
    const edges = lines.filter((l) => /^ {2}n\d+ -> n\d+;$/.test(l));
    expect(nodes).toHaveLength(topologicalOrder(root).length); // x, y, *, +, tanh
    expect(edges).toHaveLength(5); // x→*, y→*, *→+, x→+, +→tanh
    expect(text).toContain('[label="{ x | data 2 | grad ');
    expect(text).toContain('{ * | data -6 | grad ');
    expect(text).toContain('{ tanh | data ');
  });

  it('draws an edge for every operand of a dot node, repeated operands included', () => {
    const v = new Value(3, 'v');
    const text = toDot(dot([v, v], [v, v], v));
    expect(text.split('\n').filter((l) => l.includes(' -> '))).toHaveLength(5);
  });

  it('prints integers exactly, other numbers to 4 significant digits, and NaN', () => {
    const x = new Value(1 / 3, 'third');
    const text = toDot(x.log().mul(new Value(-1).log()));
    expect(text).toContain('{ third | data 0.3333 | grad 0 }');
    expect(text).toContain('data NaN');
  });

  it('escapes characters that are special in record labels', () => {
    const text = toDot(new Value(1, 'a|b{c}"d"<e>\\'));
    expect(text).toContain('label="{ a\\|b\\{c\\}\\"d\\"\\<e\\>\\\\ | data 1 | grad 0 }"');
  });

  it('rejects anything but a Value', () => {
    expect(() => toDot({} as never)).toThrow(InvalidArgumentError);
    expect(() => toDot(undefined as never)).toThrow(
      "Argument 'root' passed to 'toDot' must be a Value, but got undefined",
    );
  });
});
