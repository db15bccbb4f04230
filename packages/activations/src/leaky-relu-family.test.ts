import { describe, expect, it } from 'vitest';
import { ActivationArgumentError } from './errors';
import { leakyReluFamily } from './leaky-relu-family';
import { checkActivation } from './testing';

describe('leakyReluFamily', () => {
  it('makes leaky ReLUs named canonically', () => {
    const steep = leakyReluFamily.create(0.2);
    expect(steep.name).toBe('leakyRelu(0.2)');
    expect(steep.forward(-5)).toBe(-1);
    expect(steep.derivative(0, 0)).toBe(0.2);
    expect(leakyReluFamily.signature).toBe('leakyRelu(slope)');
    expect(checkActivation(steep)).toMatchObject({ ok: true, nonDifferentiableAt: [0] });
  });

  it('takes slopes from 0 (relu) to 1 (identity)', () => {
    expect(leakyReluFamily.create(0).forward(-3)).toBe(-0);
    expect(leakyReluFamily.create(1).forward(-3)).toBe(-3);
  });

  it('refuses a slope out of range, with a typed error naming the parameter', () => {
    let error: unknown;
    try {
      leakyReluFamily.create(1.5);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ActivationArgumentError);
    expect(error).toMatchObject({
      reason: 'range',
      family: 'leakyRelu',
      parameter: 'slope',
      call: 'leakyRelu(1.5)',
      message:
        "Activation 'leakyRelu(1.5)': family 'leakyRelu' needs slope to be a finite number " +
        'from 0 to 1, but got 1.5',
    });
    expect(() => leakyReluFamily.create(-0.1)).toThrow(ActivationArgumentError);
    expect(() => leakyReluFamily.create(Number.NaN)).toThrow('but got NaN');
  });

  it('refuses the wrong number of arguments', () => {
    expect(() => leakyReluFamily.create()).toThrow(
      "Activation 'leakyRelu()': family 'leakyRelu' takes 1 argument (leakyRelu(slope)), but got 0",
    );
    expect(() => leakyReluFamily.create(0.1, 0.2)).toThrow(
      expect.objectContaining({ reason: 'count', call: 'leakyRelu(0.1,0.2)' }),
    );
  });
});
