import type { OptimizerName } from '@mg/nn';

/** The planar datasets the playground offers (all from `@mg/compare`'s generators). */
export const planeDatasets = ['moons', 'circles', 'xor', 'spiral', 'gaussians'] as const;
/** One of {@link planeDatasets}. */
export type PlaneDataset = (typeof planeDatasets)[number];

/** The optimizers `@mg/nn` offers. */
export const optimizers: readonly OptimizerName[] = ['sgd', 'momentum', 'adam'];

/** Output-layer choices: a fixed activation, or `'same'` as the compared one (the original's way). */
export const outputChoices = ['tanh', 'identity', 'same'] as const;

/** A point the visitor added by clicking the plane: position and class (−1 or +1). */
export interface AddedPoint {
  x: number;
  y: number;
  label: -1 | 1;
}

/** The whole configuration of the page: everything a link must carry to reproduce a view. */
export interface PlaygroundState {
  dataset: PlaneDataset;
  /** Standard deviation of the Gaussian noise on each coordinate. */
  noise: number;
  /** Number of generated points. */
  points: number;
  /** Share of the generated points held out for the test loss, in percent. */
  testPercent: number;
  /** Seed of the generated points' noise. */
  dataSeed: number;
  /** Points added by clicking (training points). */
  added: AddedPoint[];
  /** Indices of generated points removed by the visitor. */
  removed: number[];
  /** Hidden layer sizes; the output layer (one neuron) is implied. */
  layers: number[];
  /**
   * Compared activations, registry names (parameterised ones such as `leakyRelu(0.2)` too), or one
   * per hidden layer joined by '/' (`tanh/relu`).
   */
  activations: string[];
  /** Output layer's activation. */
  output: (typeof outputChoices)[number];
  learningRate: number;
  optimizer: OptimizerName;
  /** Seed of the initial parameters, shared by every activation's network. */
  seed: number;
  /** Epochs per animation frame while playing. */
  speed: number;
  /** The activation whose network and graph are drawn. */
  focus: string;
  /** The selected point (`g12`: generated point 12, `a0`: first added one), or '' for none. */
  selected: string;
  /** The class a click on the plane adds. */
  addLabel: -1 | 1;
}

/** How one key is read from and written to the URL. */
interface Field<K extends keyof PlaygroundState> {
  key: K;
  /** The value for a URL text, or `undefined` when the text is not a valid one. */
  parse(text: string): PlaygroundState[K] | undefined;
  format(value: PlaygroundState[K]): string;
}

const number =
  (min: number, max: number, integer: boolean) =>
  (text: string): number | undefined => {
    const value = Number(text);
    if (text.trim() === '' || !Number.isFinite(value) || value < min || value > max) {
      return undefined;
    }
    return integer && !Number.isInteger(value) ? undefined : value;
  };

const oneOf =
  <T extends string>(values: readonly T[]) =>
  (text: string): T | undefined =>
    (values as readonly string[]).includes(text) ? (text as T) : undefined;

const list =
  <T>(item: (text: string) => T | undefined, minLength: number, maxLength: number) =>
  (text: string): T[] | undefined => {
    const parts = text === '' ? [] : text.split(',');
    if (parts.length < minLength || parts.length > maxLength) return undefined;
    const items = parts.map(item);
    return items.some((x) => x === undefined) ? undefined : (items as T[]);
  };

const label = (text: string): -1 | 1 | undefined =>
  text === '1' ? 1 : text === '-1' ? -1 : undefined;

// Activation names are checked against the registry by the page; here only their shape: a name,
// maybe with arguments (`leakyRelu(0.2)`), or one per hidden layer joined by '/' (`tanh/relu`).
const activationName = (text: string): string | undefined =>
  text.split('/').every((part) => /^[A-Za-z][\w.]*(\([-\w.,\s]*\))?$/.test(part))
    ? text
    : undefined;

/** Added points as `x:y:label` triples, e.g. `0.5:-0.25:1`. */
const addedPoint = (text: string): AddedPoint | undefined => {
  const [x, y, l] = text.split(':');
  const px = number(-100, 100, false)(x ?? '');
  const py = number(-100, 100, false)(y ?? '');
  const pl = label(l ?? '');
  return px === undefined || py === undefined || pl === undefined
    ? undefined
    : { x: px, y: py, label: pl };
};

// Activation names hold commas inside their parentheses (`elu(1,2)` one day), so `;` separates them.
const activationList = (text: string): string[] | undefined => {
  const names = text === '' ? [] : text.split(';');
  if (names.length < 1 || names.length > 24) return undefined;
  return names.every((n) => activationName(n) !== undefined) ? names : undefined;
};

const fields: { [K in keyof PlaygroundState]: Field<K> } = {
  dataset: { key: 'dataset', parse: oneOf(planeDatasets), format: String },
  noise: { key: 'noise', parse: number(0, 2, false), format: String },
  points: { key: 'points', parse: number(4, 2000, true), format: String },
  testPercent: { key: 'testPercent', parse: number(0, 90, true), format: String },
  dataSeed: { key: 'dataSeed', parse: number(0, 2 ** 32 - 1, true), format: String },
  added: {
    key: 'added',
    parse: list(addedPoint, 0, 1000),
    format: (points) => points.map((p) => `${round(p.x)}:${round(p.y)}:${p.label}`).join(','),
  },
  removed: {
    key: 'removed',
    parse: list(number(0, 1999, true), 0, 2000),
    format: (indices) => indices.join(','),
  },
  layers: { key: 'layers', parse: list(number(1, 32, true), 0, 6), format: (l) => l.join(',') },
  activations: { key: 'activations', parse: activationList, format: (a) => a.join(';') },
  output: { key: 'output', parse: oneOf(outputChoices), format: String },
  learningRate: { key: 'learningRate', parse: number(1e-6, 10, false), format: String },
  optimizer: { key: 'optimizer', parse: oneOf(optimizers), format: String },
  seed: { key: 'seed', parse: number(0, 2 ** 32 - 1, true), format: String },
  speed: { key: 'speed', parse: number(1, 100, true), format: String },
  focus: { key: 'focus', parse: activationName, format: String },
  selected: {
    key: 'selected',
    parse: (text) => (/^([ga]\d+)?$/.test(text) ? text : undefined),
    format: String,
  },
  addLabel: { key: 'addLabel', parse: label, format: String },
};

/** The page's state when the URL says nothing: four contrasting activations on two moons. */
export const defaultState: Readonly<PlaygroundState> = Object.freeze({
  dataset: 'moons',
  noise: 0.1,
  points: 200,
  testPercent: 30,
  dataSeed: 0,
  added: [],
  removed: [],
  layers: [8, 8],
  activations: ['identity', 'sigmoid', 'tanh', 'relu'],
  output: 'tanh',
  learningRate: 0.03,
  optimizer: 'adam',
  seed: 0,
  speed: 1,
  focus: 'tanh',
  selected: 'g0',
  addLabel: 1,
});

/** What {@link parseHash} found: the state, and the keys whose URL value was not valid (defaults used). */
export interface ParsedHash {
  state: PlaygroundState;
  ignored: string[];
}

/**
 * The state a URL hash (`#dataset=xor&layers=4,4…`) describes: every key it has and that is valid,
 * the defaults for the rest. Invalid values are listed in `ignored`, never thrown: a bad link
 * still opens the page.
 */
export function parseHash(hash: string): ParsedHash {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const state = copyState(defaultState);
  const ignored: string[] = [];
  for (const key of Object.keys(fields) as (keyof PlaygroundState)[]) {
    const text = params.get(key);
    if (text === null) continue;
    const value = fields[key].parse(text);
    if (value === undefined) ignored.push(key);
    else (state as unknown as Record<string, unknown>)[key] = value;
  }
  if (!state.activations.includes(state.focus)) state.focus = state.activations[0]!;
  return { state, ignored };
}

/** The URL hash for a state: every key, in the table's order (so a link shows the whole setup). */
export function toHash(state: PlaygroundState): string {
  const params = new URLSearchParams();
  for (const key of Object.keys(fields) as (keyof PlaygroundState)[]) {
    const field = fields[key] as Field<typeof key>;
    params.set(key, field.format(state[key] as never));
  }
  return `#${params.toString()}`;
}

/** A deep copy (the lists included), so a change to one state never shows in another. */
export function copyState(state: Readonly<PlaygroundState>): PlaygroundState {
  return {
    ...state,
    added: state.added.map((p) => ({ ...p })),
    removed: [...state.removed],
    layers: [...state.layers],
    activations: [...state.activations],
  };
}

// Three decimals place a clicked point to a thousandth of the plane: finer than a pixel.
function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
