import { builtins } from '@mg/activations';
import { describe, expect, it } from 'vitest';
import { colours, palette } from './palette';

const builtinNames = builtins.map((activation) => activation.name);

describe('colours', () => {
  it('gives the eleven built-ins eleven distinct colours', () => {
    const chosen = colours(builtinNames, builtinNames);
    expect(chosen).toHaveLength(11);
    expect(new Set(chosen).size).toBe(11);
    expect(chosen.every((colour) => /^#[0-9a-f]{6}$/.test(colour))).toBe(true);
  });

  it('keeps a built-in colour whatever the subset or order', () => {
    const all = colours(builtinNames, builtinNames);
    expect(colours(['tanh', 'identity'], builtinNames)).toEqual([all[3], all[0]]);
  });

  it('gives custom activations colours no other line of the chart uses', () => {
    const chosen = colours(['identity', 'mine', 'heaviside', 'yours'], builtinNames);
    expect(new Set(chosen).size).toBe(4);
    expect(chosen[1]).toBe(palette[2]);
  });
});
