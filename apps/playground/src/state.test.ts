import { describe, expect, it } from 'vitest';
import { copyState, defaultState, type PlaygroundState, parseHash, toHash } from './state';

const custom: PlaygroundState = {
  dataset: 'spiral',
  noise: 0.25,
  points: 120,
  testPercent: 20,
  dataSeed: 7,
  added: [
    { x: 0.5, y: -0.25, label: 1 },
    { x: -1.125, y: 2, label: -1 },
  ],
  removed: [3, 17],
  layers: [4, 6, 2],
  activations: ['gelu', 'leakyRelu(0.2)', 'sigmoid', 'tanh/relu/tanh'],
  output: 'identity',
  learningRate: 0.005,
  optimizer: 'momentum',
  seed: 42,
  speed: 5,
  focus: 'leakyRelu(0.2)',
  selected: 'a1',
  addLabel: -1,
};

describe('the URL hash', () => {
  it('round-trips every key of a state', () => {
    expect(parseHash(toHash(custom))).toEqual({ state: custom, ignored: [] });
  });

  it('round-trips the defaults, and an empty hash means the defaults', () => {
    expect(parseHash(toHash(copyState(defaultState))).state).toEqual(defaultState);
    expect(parseHash('').state).toEqual(defaultState);
  });

  it('keeps the valid keys of a hand-written link and lists the invalid ones', () => {
    const { state, ignored } = parseHash('#dataset=xor&layers=4,x&noise=-1&speed=3&bogus=1');
    expect(state.dataset).toBe('xor');
    expect(state.speed).toBe(3);
    expect(state.layers).toEqual(defaultState.layers);
    expect(state.noise).toBe(defaultState.noise);
    expect(ignored).toEqual(['noise', 'layers']);
  });

  it('rejects out-of-range and malformed values', () => {
    const bad = [
      'dataset=moon',
      'points=3',
      'testPercent=95',
      'layers=0',
      'layers=1,2,3,4,5,6,7',
      'activations=',
      'activations=tan h',
      'activations=tanh//relu',
      'added=1:2',
      'added=1:2:0',
      'optimizer=rmsprop',
      'selected=x1',
      'learningRate=0',
      'seed=1.5',
    ];
    for (const text of bad) expect(parseHash(`#${text}`).ignored).toHaveLength(1);
  });

  it('allows no hidden layer (a single neuron) and no added points', () => {
    const { state } = parseHash('#layers=&added=');
    expect(state.layers).toEqual([]);
    expect(state.added).toEqual([]);
  });

  it('puts the focus on a compared activation', () => {
    expect(parseHash('#activations=relu;tanh&focus=gelu').state.focus).toBe('relu');
  });

  it('rounds added points to a thousandth', () => {
    const state = {
      ...copyState(defaultState),
      added: [{ x: 1 / 3, y: -2 / 3, label: 1 as const }],
    };
    expect(parseHash(toHash(state)).state.added).toEqual([{ x: 0.333, y: -0.667, label: 1 }]);
  });
});

describe('copyState', () => {
  it('copies the lists, so editing the copy leaves the original alone', () => {
    const copy = copyState(custom);
    copy.layers.push(9);
    copy.added[0]!.x = 99;
    expect(custom.layers).toEqual([4, 6, 2]);
    expect(custom.added[0]!.x).toBe(0.5);
  });
});
