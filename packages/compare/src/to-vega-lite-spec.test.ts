import { builtins } from '@mg/activations';
import { InvalidArgumentError } from '@mg/engine';
import { describe, expect, it } from 'vitest';
import { handMadeResult } from './hand-made-result';
import { palette } from './palette';
import { summarize } from './summarize';
import { defaultScale, toVegaLiteSpec } from './to-vega-lite-spec';

// biome-ignore lint/suspicious/noExplicitAny: the spec is plain JSON, read by path in these tests.
type Json = any;

const decaying = (start: number) => [start, start / 10, start / 100, start / 1000];

/** The layer drawing the curves. */
const lines = (spec: Json) => spec.layer.find((layer: Json) => layer.mark.type === 'line');
/** The end labels' rows. */
const labels = (spec: Json) =>
  spec.layer.find((layer: Json) => layer.mark.type === 'text').data.values;

describe('toVegaLiteSpec', () => {
  const eleven = handMadeResult(
    Object.fromEntries(builtins.map((activation, i) => [activation.name, [decaying(4 + i)]])),
  );

  it('is a Vega-Lite v6 spec with title, axis titles and inline data, plain JSON', () => {
    const spec: Json = toVegaLiteSpec(eleven);
    expect(spec.$schema).toBe('https://vega.github.io/schema/vega-lite/v6.json');
    expect(spec.title.text).toMatch(/loss/i);
    expect(lines(spec).encoding.x.title).toBe('Epoch');
    expect(lines(spec).encoding.y.axis.title).toBe('Loss (sum of squared errors)');
    expect(spec.data.values).toHaveLength(11 * 4);
    expect(spec.data.values[5]).toEqual({ epoch: 1, activation: 'heaviside', loss: 0.5 });
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
  });

  it('colours the eleven activations from the palette, best final loss first', () => {
    const spec: Json = toVegaLiteSpec(eleven);
    const { domain, range } = lines(spec).encoding.color.scale;
    expect(domain).toEqual(builtins.map((a) => a.name));
    expect(range).toEqual(palette.slice(0, 11));
  });

  it('names every curve where it ends, with its final loss, labels at least 15 px apart', () => {
    const spec: Json = toVegaLiteSpec(eleven);
    const rows = labels(spec);
    expect(rows.map((row: Json) => row.text)).toContain('heaviside  0.00500');
    const ys = rows.map((row: Json) => row.labelY).sort((a: number, b: number) => a - b);
    for (let i = 1; i < ys.length; i++) expect(ys[i] - ys[i - 1]).toBeGreaterThanOrEqual(15 - 1e-9);
    // Without the labels the curves ending together would be told apart by the legend only.
    expect(lines(spec).encoding.color.legend).toBeNull();
  });

  it('has the same size and margins whatever the labels (charts of two runs line up)', () => {
    const short = toVegaLiteSpec(handMadeResult({ a: [decaying(4)] }));
    const long = toVegaLiteSpec(
      handMadeResult({ 'a very long activation label(0.25)': [{ losses: [4, 8], divergedAt: 2 }] }),
    );
    for (const key of ['width', 'height', 'autosize', 'padding']) {
      expect(long[key]).toEqual(short[key]);
    }
    expect(short.autosize).toEqual({ type: 'none', contains: 'content' });
  });

  it('uses a log y axis labelled at powers of ten in one format by default, linear on request', () => {
    expect(defaultScale).toBe('log');
    const y: Json = lines(toVegaLiteSpec(eleven)).encoding.y;
    expect(y.scale.type).toBe('log');
    expect(y.axis.values).toEqual([1e-3, 1e-2, 1e-1, 1, 10]);
    expect(y.axis.labelExpr).toContain('"0.001":"10⁻³"');
    expect(y.axis.labelExpr).toContain('"10":"10¹"');
    expect(lines(toVegaLiteSpec(eleven, { scale: 'linear' })).encoding.y.scale.type).toBe('linear');
  });

  it('draws a light min–max band only when there are several seeds', () => {
    const single: Json = toVegaLiteSpec(handMadeResult({ tanh: [decaying(4)] }));
    expect(single.layer.some((layer: Json) => layer.mark.type === 'area')).toBe(false);
    expect(single.data.values[0]).not.toHaveProperty('min');
    const banded: Json = toVegaLiteSpec(
      handMadeResult({ tanh: [decaying(4), decaying(6)], relu: [decaying(5), decaying(7)] }),
    );
    const band = banded.layer.find((layer: Json) => layer.mark.type === 'area');
    expect(band.mark.opacity).toBeLessThanOrEqual(0.15);
    expect(band.encoding.y.field).toBe('min');
    expect(banded.data.values[0]).toMatchObject({ min: 4, max: 6, loss: 5 });
  });

  it('marks a diverged curve and one below the floor differently, and says which is which', () => {
    const result = handMadeResult(
      {
        good: [[4, 1e-3, 1e-9, 1e-20, 1e-30]],
        broken: [{ losses: [4, 40, 4000], divergedAt: 3 }],
        stuck: [[4, 4, 4, 4, 4]],
      },
      5,
    );
    const spec: Json = toVegaLiteSpec(result);
    const texts = labels(spec).map((row: Json) => row.text);
    expect(texts).toContain('good  reached < 10⁻¹² at epoch 3');
    expect(texts).toContain('broken  diverged at epoch 3');
    const marks = spec.layer.find((layer: Json) => layer.mark.type === 'point' && !layer.params);
    const kinds = marks.data.values.map((row: Json) => [row.activation, row.kind]);
    expect(kinds).toEqual([
      ['good', 'below'],
      ['broken', 'diverged'],
    ]);
    expect(marks.encoding.shape.scale.range).toEqual([
      'triangle-up',
      'triangle-up',
      'triangle-down',
    ]);
    // The diverged curve's points are still drawn: an early divergence stays visible.
    expect(spec.data.values.filter((p: Json) => p.activation === 'broken')).toHaveLength(3);
  });

  it('interleaves the dashes of curves drawn on the same pixels, and only theirs', () => {
    const spec: Json = toVegaLiteSpec(
      handMadeResult({ relu: [[4, 4, 4, 4]], heaviside: [[4, 4, 4, 4]], tanh: [decaying(4)] }),
    );
    const { domain, range } = lines(spec).encoding.strokeDash.scale;
    const dashOf = (name: string) => range[domain.indexOf(name)];
    expect(dashOf('tanh')).toEqual([1, 0]);
    expect(dashOf('relu')).not.toEqual([1, 0]);
    expect(dashOf('heaviside')).not.toEqual(dashOf('relu'));
  });

  it('adds hover tooltips and a legend that isolates a curve when interactive', () => {
    const spec: Json = toVegaLiteSpec(eleven, { interactive: true });
    expect(lines(spec).params[0]).toMatchObject({ name: 'isolate', bind: 'legend' });
    expect(lines(spec).encoding.color.legend).not.toBeNull();
    const hover = spec.layer.find((layer: Json) => layer.params?.[0]?.name === 'hover');
    expect(hover.encoding.tooltip.map((t: Json) => t.field)).toEqual([
      'activation',
      'epoch',
      'loss',
    ]);
  });

  it('draws held-out losses dashed in the same colour, and ranks by them', () => {
    const result = handMadeResult({ tanh: [[4, 2, 1, 0.5]], relu: [[4, 2, 1, 0.25]] });
    const run = (losses: number[], validationLosses: number[]) => ({
      seed: 0,
      losses,
      diverged: null,
      validationLosses,
    });
    result.results = [
      summarize('tanh', [run([4, 2, 1, 0.5], [4, 3, 2, 1])], 0.1, 1),
      summarize('relu', [run([4, 2, 1, 0.25], [4, 3, 3, 3])], 0.1, 1),
    ];
    result.setup = { ...result.setup, validationRows: 7 };
    result.config = { ...result.config, loss: 'mse' };
    const spec: Json = toVegaLiteSpec(result);
    const dashed = spec.layer.find((layer: Json) => layer.mark.strokeDash !== undefined);
    expect(dashed.mark).toMatchObject({ type: 'line', strokeDash: [6, 3] });
    expect(
      dashed.data.values.filter((p: Json) => p.activation === 'relu').map((p: Json) => p.loss),
    ).toEqual([4, 3, 3, 3]);
    // Same colour scale as the training curves: tanh first, as it generalises better.
    expect(dashed.encoding.color.scale).toEqual(lines(spec).encoding.color.scale);
    expect(lines(spec).encoding.color.scale.domain).toEqual(['tanh', 'relu']);
    expect(spec.title.text).toBe(
      'Training (solid) and validation (dashed) loss per epoch by activation',
    );
    expect(spec.title.subtitle).toContain('dashed: validation (7 held-out rows)');
    expect(lines(spec).encoding.y.axis.title).toBe('Loss (mean squared error)');
    expect(labels(spec).map((row: Json) => row.text)).toEqual([
      expect.stringMatching(/^tanh .* · val 1\.00$/),
      expect.stringMatching(/^relu .* · val 3\.00$/),
    ]);
  });

  it('rejects bad options and unknown option keys, naming them', () => {
    expect(() => toVegaLiteSpec(eleven, { scale: 'cubic' as never })).toThrow(InvalidArgumentError);
    expect(() => toVegaLiteSpec(eleven, { width: -1 })).toThrow(/options\.width/);
    expect(() => toVegaLiteSpec(eleven, { interactive: 'yes' as never })).toThrow(
      /options\.interactive/,
    );
    expect(() => toVegaLiteSpec(eleven, { heigth: 300 } as never)).toThrow(
      "Argument 'options' passed to 'toVegaLiteSpec' has an unknown key 'heigth'. Did you mean 'height'? Known keys: scale, width, height, labelWidth, interactive",
    );
    expect(() => toVegaLiteSpec(eleven, null as never)).toThrow(InvalidArgumentError);
    const spec: Json = toVegaLiteSpec(eleven, { width: 500, height: 300 });
    expect([spec.width, spec.height]).toEqual([500, 300]);
  });
});
