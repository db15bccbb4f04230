import { createTrainer, MLP } from '@mg/nn';
import { describe, expect, it } from 'vitest';
import { makePoints, planeDomain, splitPoints } from './plane-data';
import type { FromWorker, SessionSetup, Snapshot, ToWorker, ViewRequest } from './protocol';
import { copyState, defaultState } from './state';
import { createWorkerHandler } from './worker-handler';

const state = { ...copyState(defaultState), dataset: 'xor' as const, points: 40, layers: [3] };
const { train, test } = splitPoints(makePoints(state));
const setup: SessionSetup = {
  train,
  test,
  layers: state.layers,
  activations: ['tanh', 'relu'],
  output: 'tanh',
  learningRate: 0.05,
  optimizer: 'adam',
  seed: 1,
  domain: planeDomain(state),
  resolution: 8,
};
const selected = { x: train.xs[0]![0]!, y: train.xs[0]![1]!, target: train.ys[0] as number };
const view: ViewRequest = { focus: 'relu', selected, visuals: true };

function snapshotOf(message: FromWorker): Snapshot {
  if (message.type !== 'snapshot') throw new Error(`expected a snapshot, got ${message.message}`);
  return message.snapshot;
}

describe('the worker protocol', () => {
  it('answers setup, train and view with one snapshot each, repeating the id', () => {
    const handle = createWorkerHandler();
    const messages: ToWorker[] = [
      { type: 'setup', id: 1, setup, view },
      { type: 'train', id: 2, epochs: 3, view },
      { type: 'view', id: 3, view: { focus: 'tanh', selected: null, visuals: true } },
    ];
    const [first, second, third] = messages.map((m) => handle(m).message);
    expect([first!.id, second!.id, third!.id]).toEqual([1, 2, 3]);
    expect(snapshotOf(first!).epoch).toBe(0);
    const trained = snapshotOf(second!);
    expect(trained.epoch).toBe(3);
    for (const update of trained.losses) {
      expect(update.from).toBe(0);
      expect(update.train).toHaveLength(3);
      expect(update.test).toHaveLength(3);
    }
    const viewed = snapshotOf(third!);
    expect(viewed.epoch).toBe(3);
    expect(viewed.losses.every((u) => u.train.length === 0 && u.from === 3)).toBe(true);
    expect(viewed.focus!.activation).toBe('tanh');
    expect(viewed.graph).toBeNull();
    // The graph's layout comes once per structure; later snapshots of it leave it out.
    expect(snapshotOf(first!).graph!.layout!.nodes).toHaveLength(
      snapshotOf(first!).graph!.nodes.length,
    );
    expect(trained.graph!.key).toBe(snapshotOf(first!).graph!.key);
    expect(trained.graph!.layout).toBeNull();
  });

  it('sends only the losses when the pictures are not asked for', () => {
    const handle = createWorkerHandler();
    handle({ type: 'setup', id: 1, setup, view });
    const snapshot = snapshotOf(
      handle({ type: 'train', id: 2, epochs: 2, view: { ...view, visuals: false } }).message,
    );
    expect(snapshot.visuals).toBe(false);
    expect(snapshot.boundaries).toEqual([]);
    expect(snapshot.focus).toBeNull();
    expect(snapshot.graph).toBeNull();
    expect(snapshot.losses.map((u) => u.train.length)).toEqual([2, 2]);
  });

  it('sends a heatmap per activation and, for the focus, one per neuron, all transferable', () => {
    const { message, transfer } = createWorkerHandler()({ type: 'setup', id: 1, setup, view });
    const snapshot = snapshotOf(message);
    expect(snapshot.boundaries).toHaveLength(2);
    expect(snapshot.boundaries[0]).toHaveLength(64);
    expect(snapshot.focus!.sizes).toEqual([2, 3, 1]);
    expect(snapshot.focus!.neuronGrids).toHaveLength(4 * 64);
    expect(transfer).toHaveLength(3);
  });

  it('trains every activation from the same start, as @mg/nn does for the same data', () => {
    const handle = createWorkerHandler();
    handle({ type: 'setup', id: 1, setup, view });
    const snapshot = snapshotOf(handle({ type: 'train', id: 2, epochs: 5, view }).message);
    const relu = new MLP(2, [3, 1], { activation: 'relu', outputActivation: 'tanh', seed: 1 });
    const tanh = new MLP(2, [3, 1], { activation: 'tanh', outputActivation: 'tanh', seed: 1 });
    expect(relu.getParameters()).toEqual(tanh.getParameters());
    const trainer = createTrainer(relu, train, {
      learningRate: 0.05,
      optimizer: 'adam',
      loss: 'mse',
    });
    const losses = Array.from({ length: 5 }, () => trainer.step());
    trainer.sync();
    expect(snapshot.losses[1]!.train).toEqual(losses);
    expect(snapshot.focus!.parameters).toEqual(relu.getParameters());
  });

  it("gives the selected point's graph: the engine's loss and the focus neurons' gradients", () => {
    const snapshot = snapshotOf(
      createWorkerHandler()({ type: 'setup', id: 1, setup, view }).message,
    );
    const graph = snapshot.graph!;
    expect(graph.collapsed).toBe(false);
    const loss = graph.nodes.at(-1)!;
    expect(loss.label).toBe('loss (ŷ − y)²');
    expect(loss.grad).toBe(1);
    const net = new MLP(2, [3, 1], { activation: 'relu', outputActivation: 'tanh', seed: 1 });
    const [out] = net.forward([selected.x, selected.y]);
    expect(loss.data).toBe((out!.data - selected.target) ** 2);
    // The output neuron's gradient is 2(ŷ − y), and the focus snapshot repeats it.
    expect(snapshot.focus!.point!.grad.at(-1)).toBeCloseTo(2 * (out!.data - selected.target), 12);
    const output = graph.nodes.find((n) => n.label === 'tanh L2N1')!;
    expect(output.data).toBe(out!.data);
  });

  it('trains a per-layer entry (tanh/relu) with one activation per hidden layer', () => {
    const mixed = { ...setup, layers: [3, 2], activations: ['tanh/relu', 'tanh'] };
    const handle = createWorkerHandler();
    const view = { focus: 'tanh/relu', selected, visuals: true };
    const snapshot = snapshotOf(handle({ type: 'setup', id: 1, setup: mixed, view }).message);
    const labels = snapshot.graph!.nodes.map((n) => n.label);
    expect(labels).toContain('tanh L1N3');
    expect(labels).toContain('relu L2N2');
    expect(labels).toContain('tanh L3N1');
    expect(snapshot.focus!.sizes).toEqual([2, 3, 2, 1]);
  });

  it('collapses a large network to one node per neuron', () => {
    const big = { ...setup, layers: [16, 16], activations: ['tanh'] };
    const handle = createWorkerHandler();
    const snapshot = snapshotOf(
      handle({ type: 'setup', id: 1, setup: big, view: { focus: 'tanh', selected, visuals: true } })
        .message,
    );
    expect(snapshot.graph!.collapsed).toBe(true);
    expect(snapshot.graph!.fullSize).toBeGreaterThan(320);
    expect(snapshot.graph!.nodes).toHaveLength(2 + 16 + 16 + 1 + 3);
  });

  it('reports a bad setup or a message before setup as an error with the id', () => {
    const handle = createWorkerHandler();
    expect(handle({ type: 'train', id: 4, epochs: 1, view }).message).toMatchObject({
      type: 'error',
      id: 4,
      message: "Error: 'train' arrived before 'setup'",
    });
    const bad = handle({ type: 'setup', id: 5, setup: { ...setup, activations: ['tanhh'] }, view });
    expect(bad.message).toMatchObject({ type: 'error', id: 5 });
    expect((bad.message as { message: string }).message).toContain('tanhh');
  });
});
