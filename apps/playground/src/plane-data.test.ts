import { describe, expect, it } from 'vitest';
import { isTestIndex, makePoints, planeDomain, splitPoints } from './plane-data';
import { copyState, defaultState, planeDatasets } from './state';

const state = (changes: Partial<typeof defaultState> = {}) => ({
  ...copyState(defaultState),
  ...changes,
});

describe('isTestIndex', () => {
  it('holds out the asked share, spread evenly', () => {
    const held = Array.from({ length: 200 }, (_, i) => isTestIndex(i, 30)).filter(Boolean);
    expect(held).toHaveLength(60);
    expect(Array.from({ length: 10 }, (_, i) => isTestIndex(i, 50))).toEqual([
      false,
      true,
      false,
      true,
      false,
      true,
      false,
      true,
      false,
      true,
    ]);
    expect(Array.from({ length: 50 }, (_, i) => isTestIndex(i, 0)).some(Boolean)).toBe(false);
  });
});

describe.each(planeDatasets)('makePoints(%s)', (dataset) => {
  it('gives the asked number of points, both classes in train and test, inside the domain', () => {
    const s = state({ dataset, points: 100, testPercent: 30 });
    const points = makePoints(s);
    expect(points).toHaveLength(100);
    const { train, test } = splitPoints(points);
    expect(train.xs).toHaveLength(70);
    expect(test.xs).toHaveLength(30);
    expect(new Set(train.ys as number[])).toEqual(new Set([-1, 1]));
    expect(new Set(test.ys as number[])).toEqual(new Set([-1, 1]));
    const d = planeDomain(s);
    expect(d.xMax - d.xMin).toBeCloseTo(d.yMax - d.yMin, 12);
    for (const p of points) {
      expect(p.x).toBeGreaterThan(d.xMin);
      expect(p.x).toBeLessThan(d.xMax);
      expect(p.y).toBeGreaterThan(d.yMin);
      expect(p.y).toBeLessThan(d.yMax);
    }
  });
});

describe('makePoints edits', () => {
  it('drops removed points, keeps the others’ ids, and adds clicked points as training points', () => {
    const s = state({ points: 10, removed: [2], added: [{ x: 0.1, y: 0.2, label: -1 }] });
    const points = makePoints(s);
    expect(points.map((p) => p.id)).toEqual([
      'g0',
      'g1',
      'g3',
      'g4',
      'g5',
      'g6',
      'g7',
      'g8',
      'g9',
      'a0',
    ]);
    expect(points.at(-1)).toEqual({ id: 'a0', x: 0.1, y: 0.2, label: -1, test: false });
  });

  it('is deterministic in the data seed', () => {
    expect(makePoints(state({ dataSeed: 3 }))).toEqual(makePoints(state({ dataSeed: 3 })));
    expect(makePoints(state({ dataSeed: 3 }))).not.toEqual(makePoints(state({ dataSeed: 4 })));
  });
});
