import { makeDataset } from '@mg/compare/browser';
import type { Dataset } from '@mg/nn';
import type { PlaneDataset, PlaygroundState } from './state';

/** One point on the plane: where, which class, and whether it is held out for the test loss. */
export interface PlanePoint {
  /** `g12`: generated point 12; `a0`: the first point added by clicking. Stable under edits. */
  id: string;
  x: number;
  y: number;
  label: -1 | 1;
  test: boolean;
}

/** The plane's visible rectangle, in data units. */
export interface Domain {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

/** A noise that shows each dataset's shape well: the playground switches to it with the dataset. */
export const suggestedNoise: Readonly<Record<PlaneDataset, number>> = {
  moons: 0.1,
  circles: 0.08,
  xor: 0.15,
  spiral: 0.04,
  gaussians: 0.5,
};

/**
 * Whether generated point i is a test point: `percent` of the indices, spread evenly, so each class
 * (generated in halves) and each part of a shape gives its share without a random draw.
 */
export function isTestIndex(i: number, percent: number): boolean {
  return Math.floor(((i + 1) * percent) / 100) > Math.floor((i * percent) / 100);
}

/** Every point the state describes: the generated ones not removed, then the added ones. */
export function makePoints(state: PlaygroundState): PlanePoint[] {
  const { xs, ys } = makeDataset(state.dataset, state.dataSeed, {
    samples: state.points,
    noise: state.noise,
  });
  const removed = new Set(state.removed);
  const points: PlanePoint[] = [];
  xs.forEach(([x, y], i) => {
    if (removed.has(i)) return;
    const label = ys[i]! > 0 ? 1 : -1;
    points.push({ id: `g${i}`, x: x!, y: y!, label, test: isTestIndex(i, state.testPercent) });
  });
  state.added.forEach((p, j) => {
    points.push({ id: `a${j}`, x: p.x, y: p.y, label: p.label, test: false });
  });
  return points;
}

/** The training and the test points as `@mg/nn` datasets (targets ±1). */
export function splitPoints(points: readonly PlanePoint[]): { train: Dataset; test: Dataset } {
  const part = (test: boolean): Dataset => {
    const mine = points.filter((p) => p.test === test);
    return { xs: mine.map((p) => [p.x, p.y]), ys: mine.map((p) => p.label) };
  };
  return { train: part(false), test: part(true) };
}

/**
 * A square around the generated points with a margin, so circles look round and no point sits
 * on the edge. The added points do not move it (they were placed inside it).
 */
export function planeDomain(state: PlaygroundState): Domain {
  const { xs } = makeDataset(state.dataset, state.dataSeed, {
    samples: state.points,
    noise: state.noise,
  });
  const along = (k: 0 | 1) => xs.map((row) => row[k]!);
  const [x0, x1] = [Math.min(...along(0)), Math.max(...along(0))];
  const [y0, y1] = [Math.min(...along(1)), Math.max(...along(1))];
  const half = (Math.max(x1 - x0, y1 - y0, 1) / 2) * 1.15;
  const [cx, cy] = [(x0 + x1) / 2, (y0 + y1) / 2];
  return { xMin: cx - half, xMax: cx + half, yMin: cy - half, yMax: cy + half };
}
