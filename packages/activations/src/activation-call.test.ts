import { describe, expect, it } from 'vitest';
import { formatActivationCall, parseActivationCall } from './activation-call';
import { ActivationArgumentError } from './errors';

describe('parseActivationCall', () => {
  it('parses a call with spaces and any decimal spelling', () => {
    expect(parseActivationCall('leakyRelu(0.2)')).toEqual({ family: 'leakyRelu', args: [0.2] });
    expect(parseActivationCall(' elu ( .5 ) ')).toEqual({ family: 'elu', args: [0.5] });
    expect(parseActivationCall('f(1e-2, -3,+4.)')).toEqual({ family: 'f', args: [0.01, -3, 4] });
    expect(parseActivationCall('f()')).toEqual({ family: 'f', args: [] });
  });

  it('is undefined for a plain name', () => {
    expect(parseActivationCall('tanh')).toBeUndefined();
    expect(parseActivationCall('leakyRelu(0.2')).toBeUndefined();
    expect(parseActivationCall('2f(1)')).toBeUndefined();
  });

  it('refuses arguments that are not decimal numbers, saying which', () => {
    for (const bad of ['leakyRelu(abc)', 'leakyRelu(0x1)', 'leakyRelu(Infinity)', 'f(1,,2)']) {
      expect(() => parseActivationCall(bad)).toThrow(ActivationArgumentError);
    }
    expect(() => parseActivationCall('leakyRelu(abc)')).toThrow(
      "Activation 'leakyRelu(abc)': family 'leakyRelu' needs decimal numbers as arguments, but got 'abc'",
    );
  });
});

describe('formatActivationCall', () => {
  it('prints numbers as JavaScript does, comma-separated without spaces', () => {
    expect(formatActivationCall('leakyRelu', [0.2])).toBe('leakyRelu(0.2)');
    expect(formatActivationCall('f', [1e-7, 2, -0])).toBe('f(1e-7,2,0)');
  });
});
