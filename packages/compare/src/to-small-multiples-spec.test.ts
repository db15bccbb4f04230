import { describe, expect, it } from 'vitest';
import { handMadeResult } from './hand-made-result';
import { palette } from './palette';
import { toSmallMultiplesSpec } from './to-small-multiples-spec';

// biome-ignore lint/suspicious/noExplicitAny: the spec is plain JSON, read by path in these tests.
type Json = any;

describe('toSmallMultiplesSpec', () => {
  const result = handMadeResult({
    identity: [[4, 0.4, 0.04, 0.004]],
    heaviside: [[4, 4, 4, 4]],
    sigmoid: [{ losses: [4, 40], divergedAt: 2 }],
  });

  it('draws one panel per activation, best final loss first, with its final loss in the title', () => {
    const spec: Json = toSmallMultiplesSpec(result);
    expect(spec.concat.map((panel: Json) => panel.title.text)).toEqual([
      'identity  0.00400',
      'heaviside  4.00',
      'sigmoid  diverged at epoch 2',
    ]);
    expect(spec.columns).toBe(4);
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
  });

  it("puts the panel's activation in its colour over the others in light grey, on shared axes", () => {
    const spec: Json = toSmallMultiplesSpec(result);
    const [context, own] = spec.concat[1].layer;
    expect(context.transform[0].filter).toBe('datum.activation !== "heaviside"');
    expect(context.mark).toMatchObject({ color: '#c8c8c8', strokeWidth: 1 });
    expect(own.transform[0].filter).toBe('datum.activation === "heaviside"');
    expect(own.mark.color).toBe(palette[1]);
    const domains = spec.concat.map((panel: Json) => panel.layer[0].encoding.y.scale.domain);
    expect(new Set(domains.map(String)).size).toBe(1);
    // The curves are stored once and filtered per panel.
    expect(spec.datasets.curves).toHaveLength(4 + 4 + 2);
  });

  it('adds each activation its own band when there are several seeds', () => {
    const spec: Json = toSmallMultiplesSpec(
      handMadeResult(
        {
          tanh: [
            [4, 2],
            [6, 3],
          ],
        },
        2,
      ),
    );
    expect(spec.concat[0].layer.map((layer: Json) => layer.mark.type)).toEqual([
      'line',
      'area',
      'line',
    ]);
  });

  it('rejects unknown option keys and bad sizes, naming them', () => {
    expect(() => toSmallMultiplesSpec(result, { colums: 3 } as never)).toThrow(
      /unknown key 'colums'. Did you mean 'columns'/,
    );
    expect(() => toSmallMultiplesSpec(result, { columns: 0 })).toThrow(/options\.columns/);
  });
});
