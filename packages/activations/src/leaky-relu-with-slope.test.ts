import { InvalidArgumentError } from '@mg/engine';
import { describe, expect, it } from 'vitest';
import { builtins } from './builtins';
import { leakyRelu } from './leaky-relu';
import { leakyReluWithSlope } from './leaky-relu-with-slope';
import { createRegistry } from './registry';
import { checkActivation } from './testing';

describe('leakyReluWithSlope', () => {
  it('makes a leaky ReLU with the given slope under a default name', () => {
    const steep = leakyReluWithSlope(0.2);
    expect(steep.name).toBe('leakyRelu(0.2)');
    expect(steep.description).toBe('Leaky ReLU: x if x > 0, else 0.2x');
    expect(steep.forward(-5)).toBe(-1);
    expect(steep.forward(5)).toBe(5);
    expect(steep.derivative(-5, -1)).toBe(0.2);
    expect(steep.derivative(0, 0)).toBe(0.2);
    expect(steep.derivative(5, 5)).toBe(1);
  });

  it('takes a custom name and passes the testing kit', () => {
    const steep = leakyReluWithSlope(0.3, 'steepRelu');
    expect(steep.name).toBe('steepRelu');
    const report = checkActivation(steep);
    expect(report.failures).toEqual([]);
    expect(report.nonDifferentiableAt).toEqual([0]);
  });

  it('with slope 0.01 behaves exactly like the built-in', () => {
    const same = leakyReluWithSlope(0.01);
    for (const x of [-1000, -3.7, -0, 0, 1e-9, 42]) {
      expect(same.forward(x)).toBe(leakyRelu.forward(x));
      expect(same.derivative(x, same.forward(x))).toBe(
        leakyRelu.derivative(x, leakyRelu.forward(x)),
      );
    }
  });

  it('registers beside the built-in without changing it', () => {
    const registry = createRegistry(builtins);
    registry.register(leakyReluWithSlope(0.2));
    expect(registry.get('leakyRelu(0.2)').forward(-1)).toBe(-0.2);
    expect(registry.get('leakyRelu')).toBe(leakyRelu);
    expect(leakyRelu.forward(-1)).toBe(-0.01);
  });

  it('rejects a slope that is not a finite number, and an empty name', () => {
    expect(() => leakyReluWithSlope(Number.NaN)).toThrow(
      "Argument 'slope' passed to 'leakyReluWithSlope' must be a finite number, but got number NaN",
    );
    expect(() => leakyReluWithSlope('0.1' as unknown as number)).toThrow(InvalidArgumentError);
    expect(() => leakyReluWithSlope(0.1, '')).toThrow(
      "Argument 'name' passed to 'leakyReluWithSlope' must be a non-empty string, " +
        "but got string ''",
    );
  });
});
