import { InvalidArgumentError, UnknownOptionError, type Value } from '@mg/engine';
import { describe, expect, it } from 'vitest';
import { type Activation, type ActivationSpec, defineActivation } from '../activation';
import { ActivationError } from '../errors';
import { gelu } from '../gelu';
import { sigmoid } from '../sigmoid';
import {
  ActivationCheckError,
  assertActivation,
  checkActivation,
  defaultExtremes,
  defaultGrid,
} from './check-activation';

const base = { description: 'test', reference: 'https://example.org/test' };
const define = (spec: Omit<ActivationSpec, 'description' | 'reference'>) =>
  defineActivation({ ...base, ...spec });

describe('checkActivation', () => {
  it('has a grid from −10 to 10 in steps of 1/16 and extremes including ±1000', () => {
    expect(defaultGrid).toHaveLength(321);
    expect(defaultGrid[0]).toBe(-10);
    expect(defaultGrid.at(-1)).toBe(10);
    expect(defaultGrid).toContain(0);
    expect(defaultExtremes).toContain(1000);
    expect(defaultExtremes).toContain(-1000);
  });

  it('passes a correct activation', () => {
    expect(checkActivation(sigmoid)).toEqual({
      name: 'sigmoid',
      ok: true,
      failures: [],
      nonDifferentiableAt: [],
    });
  });

  it("catches a wrong derivative (gelu without the x·φ(x) term, the original's bug)", () => {
    const phi = (x: number) => Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
    const wrong = define({
      name: 'badGelu',
      forward: gelu.forward,
      derivative: (x, y) => gelu.derivative(x, y) - x * phi(x),
    });
    const report = checkActivation(wrong);
    expect(report.ok).toBe(false);
    expect(report.failures).toHaveLength(1);
    expect(report.failures[0]).toMatch(
      /^derivative disagrees with central differences at \d+ of 321 grid points: x = -?\d/,
    );
  });

  it('catches a derivative that is off by only 1e-4', () => {
    const wrong = define({
      name: 'almostSigmoid',
      forward: sigmoid.forward,
      derivative: (x, y) => sigmoid.derivative(x, y) * 1.0001,
    });
    expect(checkActivation(wrong).ok).toBe(false);
  });

  it('catches overflow at the extremes (the naive e^x/(1+e^x) sigmoid)', () => {
    const naive = define({
      name: 'naiveSigmoid',
      forward: (x) => Math.exp(x) / (1 + Math.exp(x)),
      derivative: (_, y) => y * (1 - y),
    });
    const { failures } = checkActivation(naive);
    expect(failures).toContain('forward(1000) = NaN, expected a finite number');
    expect(failures).toContain('derivative(1000) = NaN, expected a finite number');
    expect(failures.join('\n')).not.toContain('forward(-1000)');
  });

  it('catches NaN turned into a number', () => {
    const swallowing = define({
      name: 'swallowingRelu',
      // biome-ignore lint/complexity/useMathMinMax: deliberately maps NaN to 0 (Math.max would not)
      forward: (x) => (x > 0 ? x : 0),
      derivative: (x) => (x > 0 ? 1 : 0),
    });
    expect(checkActivation(swallowing).failures).toEqual([
      'forward(NaN) = 0, expected NaN',
      'derivative(NaN) = 0, expected NaN',
    ]);
  });

  it('catches an apply that builds more than one node', () => {
    const twoNodes: Activation = Object.freeze({
      ...sigmoid,
      name: 'twoNodes',
      apply: (x: Value) => x.mul(1).apply(twoNodes),
    });
    expect(checkActivation(twoNodes).failures[0]).toMatch(/must make ONE unary node on its input/);
  });

  it('catches an apply whose node disagrees with forward', () => {
    const other = define({ name: 'other', forward: (x) => 2 * x, derivative: () => 2 });
    const liar: Activation = { ...other, apply: (x: Value) => x.mul(3) };
    expect(checkActivation(liar).failures).toContainEqual(
      expect.stringMatching(/^apply\(Value\(-1000\)\) must make ONE unary node/),
    );
  });

  it('reports a function that throws instead of crashing', () => {
    const throwing = define({
      name: 'throwing',
      forward: (x) => {
        if (x > 5) throw new RangeError('too big');
        return x;
      },
      derivative: () => 1,
    });
    const { failures } = checkActivation(throwing);
    expect(failures).toContain('derivative check threw: too big');
    expect(failures).toContain('finiteness check threw: too big');
  });

  it('finds kinks and jumps by the one-sided slopes, and skips only those', () => {
    const absolute = define({
      name: 'abs',
      forward: Math.abs,
      derivative: (x) => (Number.isNaN(x) ? x : Math.sign(x)),
    });
    expect(checkActivation(absolute)).toMatchObject({ ok: true, nonDifferentiableAt: [0] });
    const shiftedStep = define({
      name: 'step',
      forward: (x) => (x >= 1 ? 1 : x < 1 ? 0 : Number.NaN),
      derivative: (x) => (Number.isNaN(x) ? x : 0),
    });
    expect(checkActivation(shiftedStep).nonDifferentiableAt).toEqual([1]);
  });

  it('uses the grid, extremes and tolerance it is given', () => {
    const square = define({ name: 'square', forward: (x) => x * x, derivative: (x) => 2 * x });
    // Fine on a small grid; x² overflows at ±1e300, so the default extremes fail.
    expect(checkActivation(square).failures).toContain(
      'forward(1e+300) = Infinity, expected a finite number',
    );
    expect(checkActivation(square, { extremes: [-1000, 1000] }).ok).toBe(true);
    const wrong = define({ name: 'w', forward: (x) => x, derivative: (x) => x - x + 1.001 });
    expect(checkActivation(wrong, { grid: [1], tolerance: 1e-2 }).ok).toBe(true);
    expect(checkActivation(wrong, { grid: [1] }).failures[0]).toMatch(/at 1 of 1 grid points/);
  });

  it('rejects arguments that are not an activation or bad options', () => {
    expect(() => checkActivation({ name: 'x' } as unknown as Activation)).toThrow(
      /^Argument 'activation' passed to 'checkActivation' must be an Activation/,
    );
    expect(() => checkActivation(sigmoid, { tolerance: -1 })).toThrow(InvalidArgumentError);
    expect(() => checkActivation(sigmoid, { relativeStep: 0 })).toThrow(
      "Argument 'options.relativeStep' passed to 'checkActivation' must be a positive finite " +
        'number, but got number 0',
    );
  });

  it('rejects a misspelt option key, suggesting the known one', () => {
    expect(() => checkActivation(sigmoid, { tolerence: 1e-3 } as never)).toThrow(
      UnknownOptionError,
    );
    expect(() => checkActivation(sigmoid, { tolerence: 1e-3 } as never)).toThrow(
      "Argument 'options' passed to 'checkActivation' has an unknown key 'tolerence'. Did you mean 'tolerance'?",
    );
    expect(() => checkActivation(sigmoid, null as never)).toThrow(InvalidArgumentError);
  });
});

describe('assertActivation', () => {
  it('returns the report when every check passes', () => {
    expect(assertActivation(sigmoid).ok).toBe(true);
  });

  it('throws an ActivationError listing the failures', () => {
    const swallowing = define({ name: 'swallow', forward: (x) => x || 0, derivative: () => 1 });
    const attempt = () => assertActivation(swallowing);
    expect(attempt).toThrow(ActivationCheckError);
    expect(attempt).toThrow(ActivationError);
    expect(attempt).toThrow(
      "Activation 'swallow' failed 2 check(s):\n" +
        '- forward(NaN) = 0, expected NaN\n' +
        '- derivative(NaN) = 1, expected NaN',
    );
  });
});
