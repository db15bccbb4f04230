import { builtins } from '@mg/activations';
import { describe, expect, it } from 'vitest';
import { colours, palette } from './palette';

const builtinNames = builtins.map((activation) => activation.name);

/** Machado, Oliveira & Fernandes (2009) full-severity simulation matrices, on linear RGB. */
const visions: Record<string, readonly number[]> = {
  normal: [1, 0, 0, 0, 1, 0, 0, 0, 1],
  protanopia: [
    0.152286, 1.052583, -0.204868, 0.114503, 0.786281, 0.099216, -0.003882, -0.048116, 1.051998,
  ],
  deuteranopia: [
    0.367322, 0.860646, -0.227968, 0.280085, 0.672501, 0.047413, -0.01182, 0.04294, 0.968881,
  ],
  tritanopia: [
    1.255528, -0.076749, -0.178779, -0.078411, 0.930809, 0.147602, 0.004733, 0.691367, 0.3039,
  ],
};

/** OKLab of a `#rrggbb` colour as a reader with `vision` sees it (Björn Ottosson's transform). */
function oklab(hex: string, vision: readonly number[]): [number, number, number] {
  const linear = [1, 3, 5].map((i) => {
    const channel = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return channel > 0.04045 ? ((channel + 0.055) / 1.055) ** 2.4 : channel / 12.92;
  });
  const [r, g, b] = [0, 1, 2].map((row) =>
    Math.min(
      1,
      Math.max(
        0,
        linear.reduce((sum, c, k) => sum + vision[row * 3 + k]! * c, 0),
      ),
    ),
  ) as [number, number, number];
  const l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
  const m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
  const s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
  return [
    0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s,
    1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s,
    0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s,
  ];
}

function distance(p: string, q: string, vision: readonly number[]): number {
  const a = oklab(p, vision);
  const b = oklab(q, vision);
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

describe('colours', () => {
  it('gives the eleven built-ins eleven distinct colours', () => {
    const chosen = colours(builtinNames, builtinNames);
    expect(chosen).toHaveLength(11);
    expect(new Set(chosen).size).toBe(11);
    expect(chosen.every((colour) => /^#[0-9a-f]{6}$/.test(colour))).toBe(true);
  });

  // The old palette's worst pairs were 0.008 (protanopia) and 0.007 (deuteranopia): red = green.
  it.each([
    ['normal', 0.14],
    ['protanopia', 0.085],
    ['deuteranopia', 0.1],
    ['tritanopia', 0.05],
  ])(
    'keeps every two built-in colours apart for %s vision (OKLab distance >= %s)',
    (vision, least) => {
      const chosen = colours(builtinNames, builtinNames);
      for (let i = 0; i < chosen.length; i++) {
        for (let j = i + 1; j < chosen.length; j++) {
          const apart = distance(chosen[i]!, chosen[j]!, visions[vision]!);
          expect(apart, `${builtinNames[i]} vs ${builtinNames[j]}`).toBeGreaterThanOrEqual(least);
        }
      }
    },
  );

  it('keeps every built-in colour dark enough for a thin line on white (OKLab L <= 0.78)', () => {
    for (const colour of palette.slice(0, 11)) {
      expect(oklab(colour, visions.normal!)[0], colour).toBeLessThanOrEqual(0.78);
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
