import { builtins, defaultRegistry } from '@mg/activations';
import { InvalidArgumentError } from '@mg/engine';
import { describe, expect, it } from 'vitest';
import { handMadeResult } from './hand-made-result';
import { defaultScale, toVegaLiteSpec, yDomain } from './to-vega-lite-spec';

// biome-ignore lint/suspicious/noExplicitAny: the spec is plain JSON, read by path in these tests.
type Json = any;

const decaying = (start: number) => [start, start / 10, start / 100, start / 1000];

describe('toVegaLiteSpec', () => {
  const eleven = handMadeResult(
    Object.fromEntries(builtins.map((activation, i) => [activation.name, [decaying(4 + i)]])),
  );

  it('is a Vega-Lite v6 spec with title, axis titles and inline data', () => {
    const spec: Json = toVegaLiteSpec(eleven);
    expect(spec.$schema).toBe('https://vega.github.io/schema/vega-lite/v6.json');
    expect(spec.title.text).toMatch(/loss/i);
    expect(spec.encoding.x.title).toBe('Epoch');
    expect(spec.layer.at(-1).encoding.y.title).toBe('Loss (sum of squared errors)');
    expect(spec.data.values).toHaveLength(11 * 4);
    expect(spec.data.values[5]).toEqual({ epoch: 1, activation: 'heaviside', loss: 0.5 });
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
  });

  it('colours the eleven activations distinctly, listed best final loss first', () => {
    const spec: Json = toVegaLiteSpec(eleven);
    const { domain, range } = spec.encoding.color.scale;
    expect([...domain].sort()).toEqual(defaultRegistry().names().sort());
    // Final losses falling along the built-ins' order: the legend lists them backwards.
    const falling = handMadeResult(
      Object.fromEntries(builtins.map((activation, i) => [activation.name, [decaying(14 - i)]])),
    );
    const fallingSpec: Json = toVegaLiteSpec(falling);
    expect(fallingSpec.encoding.color.scale.domain).toEqual(defaultRegistry().names().reverse());
    expect(range).toHaveLength(11);
    expect(new Set(range).size).toBe(11);
  });

  it('uses a log y axis by default and a linear one on request', () => {
    expect(defaultScale).toBe('log');
    const log: Json = toVegaLiteSpec(eleven);
    expect(log.layer.at(-1).encoding.y.scale.type).toBe('log');
    const linear: Json = toVegaLiteSpec(eleven, { scale: 'linear' });
    expect(linear.layer.at(-1).encoding.y.scale.type).toBe('linear');
    expect(linear.layer.at(-1).encoding.y.scale.domain[0]).toBe(0);
  });

  it('draws a min–max band only when there are several seeds', () => {
    const one: Json = toVegaLiteSpec(handMadeResult({ tanh: [[4, 2, 1, 0.5]] }));
    expect(one.layer.map((layer: Json) => layer.mark.type)).toEqual(['line']);
    const two: Json = toVegaLiteSpec(
      handMadeResult({
        tanh: [
          [4, 2, 1, 0.5],
          [6, 3, 2, 1],
        ],
      }),
    );
    expect(two.layer.map((layer: Json) => layer.mark.type)).toEqual(['area', 'line']);
    expect(two.layer[0].encoding.y.field).toBe('min');
    expect(two.layer[0].encoding.y2.field).toBe('max');
    expect(two.data.values[0]).toEqual({ epoch: 0, activation: 'tanh', loss: 5, min: 4, max: 6 });
  });

  it('clips the y domain to the curves that did not explode and marks the others', () => {
    const result = handMadeResult({
      tanh: [[4, 2, 1, 0.5]],
      relu: [[3, 30, 3000, 300000]],
      softplus: [{ losses: [5, 1e200], divergedAt: 2 }],
    });
    const spec: Json = toVegaLiteSpec(result);
    const line = spec.layer.at(-1);
    expect(line.mark.clip).toBe(true);
    // Top: the highest start among the non-diverged curves (tanh's 4) times the log headroom 2.
    expect(line.encoding.y.scale.domain).toEqual([0.5 / 1.25, 8]);
    const labels = spec.encoding.color.legend.labelExpr as string;
    expect(labels).toContain('"softplus":"softplus (diverged at 2)"');
    expect(labels).toContain('"relu":"relu  3.00e+5 (clipped)"');
    expect(labels).toContain('"tanh":"tanh  0.500"');
    // Best final loss first, the diverged curve last.
    expect(spec.encoding.color.scale.domain).toEqual(['tanh', 'relu', 'softplus']);
    // The diverged curve's finite part is still drawn (and clipped).
    expect(spec.data.values.filter((v: Json) => v.activation === 'softplus')).toHaveLength(2);
  });

  it('keeps a log axis within twelve decades and leaves out points it cannot place', () => {
    const result = handMadeResult({ identity: [[4, 1e-3, 1e-15, 0]] });
    const spec: Json = toVegaLiteSpec(result);
    expect(spec.layer[0].encoding.y.scale.domain).toEqual([8e-12, 8]);
    expect(spec.data.values.map((v: Json) => v.loss)).toEqual([4, 1e-3, 1e-15]);
    expect(spec.encoding.color.legend.labelExpr).toContain('"identity":"identity  0 (clipped)"');
  });

  it('passes width and height through and rejects bad options', () => {
    const spec: Json = toVegaLiteSpec(eleven, { width: 1000, height: 500 });
    expect([spec.width, spec.height]).toEqual([1000, 500]);
    expect(() => toVegaLiteSpec(eleven, { scale: 'sqrt' as never })).toThrow(InvalidArgumentError);
    expect(() => toVegaLiteSpec(eleven, { width: 0 })).toThrow(
      "Argument 'options.width' passed to 'toVegaLiteSpec' must be a finite number > 0, but got number 0",
    );
  });
});

describe('yDomain', () => {
  it('falls back to every curve when all diverged', () => {
    const result = handMadeResult({ relu: [{ losses: [5, 50], divergedAt: 2 }] });
    expect(yDomain(result.results, 'linear', false)).toEqual([0, 5.5]);
  });
});
