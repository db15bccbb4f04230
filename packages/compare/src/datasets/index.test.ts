import { InvalidArgumentError } from '@mg/engine';
import { describe, expect, it } from 'vitest';
import { UnknownDatasetError } from '../errors';
import { datasetDefaults, datasetNames, makeDataset } from './index';

describe('datasetNames', () => {
  it("lists the seven built-ins, 'original' first", () => {
    expect(datasetNames).toEqual([
      'original',
      'xor',
      'moons',
      'circles',
      'sine',
      'spiral',
      'gaussians',
    ]);
  });
});

describe.each(datasetNames)('makeDataset(%s)', (name) => {
  it('is deterministic in the seed', () => {
    expect(makeDataset(name, 3)).toEqual(makeDataset(name, 3));
  });

  it('is well formed: equal-width rows of finite numbers, one finite target per row', () => {
    const { xs, ys, name: own, description } = makeDataset(name, 11);
    expect(own).toBe(name);
    expect(description.length).toBeGreaterThan(0);
    expect(xs.length).toBeGreaterThan(0);
    expect(ys).toHaveLength(xs.length);
    const width = xs[0]!.length;
    for (const row of xs) {
      expect(row).toHaveLength(width);
      expect(row.every(Number.isFinite)).toBe(true);
    }
    expect(ys.every(Number.isFinite)).toBe(true);
  });
});

describe('makeDataset', () => {
  it("gives the original program's four samples (values from the issue and the fixture)", () => {
    const { xs, ys } = makeDataset('original', 0);
    expect(xs).toEqual([
      [2, 3, -1],
      [3, -1, 0.5],
      [0.5, 1, 1],
      [1, 1, -1],
    ]);
    expect(ys).toEqual([1, -1, -1, 1]);
    expect(makeDataset('original', 99)).toEqual(makeDataset('original', 0));
  });

  it('gives the XOR truth table with ±1 targets', () => {
    const { xs, ys } = makeDataset('xor', 0);
    expect(ys).toEqual(xs.map(([a, b]) => (a !== b ? 1 : -1)));
  });

  it.each(['moons', 'circles', 'sine', 'spiral', 'gaussians'])(
    'changes the noise of %s with the seed',
    (name) => {
      expect(makeDataset(name, 1).xs.concat([makeDataset(name, 1).ys])).not.toEqual(
        makeDataset(name, 2).xs.concat([makeDataset(name, 2).ys]),
      );
    },
  );

  it('makes two moons of 16 points each, labelled -1 (upper) and +1 (lower)', () => {
    const { xs, ys } = makeDataset('moons', 0);
    expect(ys.filter((y) => y === -1)).toHaveLength(16);
    expect(ys.filter((y) => y === 1)).toHaveLength(16);
    // Noise-free, the upper moon's points have y = sin(t) ≥ 0 and the lower's 0.5 − sin(t) ≤ 0.5.
    const meanY = (label: number) =>
      xs.filter((_, i) => ys[i] === label).reduce((total, [, y]) => total + y!, 0) / 16;
    expect(meanY(-1)).toBeGreaterThan(meanY(1));
  });

  it('makes circles of radius ~1 (label -1) and ~0.5 (label +1)', () => {
    const { xs, ys } = makeDataset('circles', 0);
    xs.forEach(([x, y], i) => {
      const radius = Math.hypot(x!, y!);
      // Noise 0.05 per coordinate: 0.25 is five standard deviations.
      expect(Math.abs(radius - (ys[i] === -1 ? 1 : 0.5))).toBeLessThan(0.25);
    });
  });

  it('makes a sine regression that asks for an identity output', () => {
    const dataset = makeDataset('sine', 0);
    expect(dataset.outputActivation).toBe('identity');
    expect(dataset.xs[0]).toEqual([-Math.PI]);
    expect(dataset.xs.at(-1)).toEqual([Math.PI]);
    dataset.xs.forEach(([x], i) => {
      expect(Math.abs(dataset.ys[i]! - Math.sin(x!))).toBeLessThan(0.25);
    });
  });

  it('rejects an unknown name, listing the known ones', () => {
    expect(() => makeDataset('moon', 0)).toThrow(UnknownDatasetError);
    expect(() => makeDataset('moon', 0)).toThrow(
      "Unknown dataset 'moon'. Known: original, xor, moons, circles, sine, spiral, gaussians",
    );
  });

  it.each([0.5, -1, 2 ** 32, Number.NaN])(
    "rejects seed %s, outside the generators' 0 to 2^32 − 1 (2^32 and -1 gave seed 0's data)",
    (seed) => {
      expect(() => makeDataset('moons', seed)).toThrow(InvalidArgumentError);
      expect(() => makeDataset('moons', seed)).toThrow(
        `Argument 'seed' passed to 'makeDataset' must be an integer from 0 to 2^32 − 1, but got number ${seed}`,
      );
    },
  );

  it('accepts the largest seed', () => {
    expect(makeDataset('moons', 2 ** 32 - 1).xs).not.toEqual(makeDataset('moons', 0).xs);
  });

  it('rejects a misspelt option key, suggesting the known one', () => {
    expect(() => makeDataset('moons', 0, { sample: 10 } as never)).toThrow(
      "Argument 'options' passed to 'makeDataset' has an unknown key 'sample'. Did you mean 'samples'? Known keys: samples, noise",
    );
  });

  it('makes two spiral arms whose points wind outwards, labelled -1 and +1 in halves', () => {
    const { xs, ys } = makeDataset('spiral', 0, { noise: 0 });
    expect(xs).toHaveLength(64);
    expect(ys.slice(0, 32).every((y) => y === -1)).toBe(true);
    expect(ys.slice(32).every((y) => y === 1)).toBe(true);
    // Noise-free, point i of an arm lies at radius (i + 1) / 32 and the arms are turned by pi.
    expect(Math.hypot(xs[31]![0]!, xs[31]![1]!)).toBeCloseTo(1, 12);
    expect(xs[40]![0]).toBeCloseTo(-xs[8]![0]!, 12);
    expect(xs[40]![1]).toBeCloseTo(-xs[8]![1]!, 12);
  });

  it('makes two Gaussian blobs around (-1, -1) and (1, 1)', () => {
    const { xs, ys } = makeDataset('gaussians', 0, { samples: 400 });
    for (const label of [-1, 1]) {
      const mine = xs.filter((_, i) => ys[i] === label);
      expect(mine).toHaveLength(200);
      const mean = mine.reduce((total, [x]) => total + x!, 0) / mine.length;
      // sd 0.5 over 200 points: the mean's sd is 0.035, so 0.2 is over five of them.
      expect(Math.abs(mean - label)).toBeLessThan(0.2);
    }
  });

  it('gives the default dataset when options repeat the defaults', () => {
    for (const name of datasetNames) {
      const defaults = datasetDefaults(name);
      expect(makeDataset(name, 5, defaults ?? {})).toEqual(makeDataset(name, 5));
    }
  });

  it.each(['moons', 'circles', 'xor', 'spiral', 'gaussians'])(
    'makes %s with the asked number of samples, both labels, noise that moves points',
    (name) => {
      const { xs, ys, description } = makeDataset(name, 1, { samples: 101, noise: 0.2 });
      expect(xs).toHaveLength(101);
      expect(new Set(ys)).toEqual(new Set([-1, 1]));
      expect(description).toContain('(made with 101 samples, noise 0.2)');
      expect(makeDataset(name, 1, { samples: 101, noise: 0.3 }).xs).not.toEqual(xs);
    },
  );

  it('scatters xor samples around the truth table corners, labels from the corner', () => {
    const { xs, ys } = makeDataset('xor', 2, { samples: 8, noise: 0 });
    expect(xs.slice(4)).toEqual(xs.slice(0, 4));
    expect(ys).toEqual([-1, 1, 1, -1, -1, 1, 1, -1]);
  });

  it('has no defaults for the fixed original dataset', () => {
    expect(datasetDefaults('original')).toBeNull();
    expect(datasetDefaults('moons')).toEqual({ samples: 32, noise: 0.1 });
    expect(() => datasetDefaults('moon')).toThrow(UnknownDatasetError);
  });

  it('rejects bad options, naming them', () => {
    expect(() => makeDataset('moons', 0, { samples: 0 })).toThrow(
      "Argument 'options.samples' passed to 'makeDataset' must be an integer from 1 to 100000, but got number 0",
    );
    expect(() => makeDataset('moons', 0, { noise: -1 })).toThrow(
      "Argument 'options.noise' passed to 'makeDataset' must be a finite number ≥ 0, but got number -1",
    );
    expect(() => makeDataset('moons', 0, null as never)).toThrow(InvalidArgumentError);
  });
});
