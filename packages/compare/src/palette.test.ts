import { builtins } from '@mg/activations';
import { describe, expect, it } from 'vitest';
import { colours, palette } from './palette';

const builtinNames = builtins.map((activation) => activation.name);

/** CIE L*a*b* (D65) of a `#rrggbb` sRGB colour, for a perceptual distance between two colours. */
function lab(hex: string): [number, number, number] {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const channel = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return channel > 0.04045 ? ((channel + 0.055) / 1.055) ** 2.4 : channel / 12.92;
  }) as [number, number, number];
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 / 116) * t + 16 / 116);
  const x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
  const y = f(0.2126 * r + 0.7152 * g + 0.0722 * b);
  const z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}

describe('colours', () => {
  it('gives the eleven built-ins eleven distinct colours', () => {
    const chosen = colours(builtinNames, builtinNames);
    expect(chosen).toHaveLength(11);
    expect(new Set(chosen).size).toBe(11);
    expect(chosen.every((colour) => /^#[0-9a-f]{6}$/.test(colour))).toBe(true);
  });

  it('keeps every two built-in colours visibly apart (CIE76 distance in Lab at least 25)', () => {
    const chosen = colours(builtinNames, builtinNames);
    for (let i = 0; i < chosen.length; i++) {
      for (let j = i + 1; j < chosen.length; j++) {
        const distance = Math.hypot(
          ...lab(chosen[i]!).map((value, axis) => value - lab(chosen[j]!)[axis]!),
        );
        expect(distance, `${builtinNames[i]} vs ${builtinNames[j]}`).toBeGreaterThanOrEqual(25);
      }
    }
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
